// Package tabs draws the row of screen titles at the top, numbered by the
// key that opens each screen, the active one marked.
package tabs

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/ui/common"
)

// Model is the tab bar.
type Model struct {
	ctx    *common.Context
	titles []string
}

// New returns a tab bar with the given titles, in key order.
func New(ctx *common.Context, titles []string) *Model {
	return &Model{ctx: ctx, titles: titles}
}

// View renders the bar with tab active marked. Brackets mark it as well as
// colour, so it stays visible without colour (NO_COLOR).
func (m *Model) View(active int) string {
	st := m.ctx.Styles
	parts := make([]string, len(m.titles))
	for i, t := range m.titles {
		label := strconv.Itoa(i+1) + " " + t
		if i == active {
			parts[i] = st.TabActive.Render("[" + label + "]")
		} else {
			parts[i] = st.TabInactive.Render(" " + label + " ")
		}
	}
	bar := strings.Join(parts, "")
	brand := st.Subtle.Render("corecast")
	if gap := m.ctx.Width - lipgloss.Width(bar) - lipgloss.Width(brand) - 1; gap > 0 {
		bar += strings.Repeat(" ", gap) + brand + " "
	}
	return lipgloss.NewStyle().MaxWidth(m.ctx.Width).Render(bar)
}
