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
// colour, so it stays visible without colour (NO_COLOR). When the titles do
// not fit with their padding, they are drawn without it, so that every
// screen's number stays visible at 80 columns.
func (m *Model) View(active int) string {
	st := m.ctx.Styles
	bar := m.bar(active, st.TabActive, st.TabInactive)
	if lipgloss.Width(bar)+lipgloss.Width("corecast")+1 > m.ctx.Width {
		bar = m.bar(active, st.TabActive.UnsetPadding(), st.TabInactive.UnsetPadding())
	}
	brand := st.Subtle.Render("corecast")
	if gap := m.ctx.Width - lipgloss.Width(bar) - lipgloss.Width(brand) - 1; gap > 0 {
		bar += strings.Repeat(" ", gap) + brand + " "
	}
	return lipgloss.NewStyle().MaxWidth(m.ctx.Width).Render(bar)
}

// bar draws the titles with the given styles for the active and other tabs.
func (m *Model) bar(active int, on, off lipgloss.Style) string {
	parts := make([]string, len(m.titles))
	for i, t := range m.titles {
		label := strconv.Itoa(i+1) + " " + t
		if i == active {
			parts[i] = on.Render("[" + label + "]")
		} else {
			parts[i] = off.Render(" " + label + " ")
		}
	}
	return strings.Join(parts, "")
}
