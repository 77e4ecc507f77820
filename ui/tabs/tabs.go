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
	bar := m.bar(active, st.TabActive, st.TabInactive, " ", 0)
	for _, tight := range []struct {
		sep  string
		cut  int
		room int
	}{{" ", 0, len("corecast") + 1}, {"", 0, 0}, {"", 4, 0}} {
		if lipgloss.Width(bar)+tight.room <= m.ctx.Width {
			break
		}
		// Narrower: no padding, then single spaces between titles, then
		// titles cut to their first letters; every number stays visible.
		bar = m.bar(active, st.TabActive.UnsetPadding(), st.TabInactive.UnsetPadding(), tight.sep, tight.cut)
	}
	brand := st.Subtle.Render("corecast")
	if gap := m.ctx.Width - lipgloss.Width(bar) - lipgloss.Width(brand) - 1; gap > 0 {
		bar += strings.Repeat(" ", gap) + brand + " "
	}
	return lipgloss.NewStyle().MaxWidth(m.ctx.Width).Render(bar)
}

// bar draws the titles with the given styles for the active and other tabs,
// an inactive title framed by pad, titles cut to cut letters when cut > 0.
func (m *Model) bar(active int, on, off lipgloss.Style, pad string, cut int) string {
	parts := make([]string, len(m.titles))
	for i, t := range m.titles {
		if cut > 0 && len([]rune(t)) > cut && i != active {
			t = string([]rune(t)[:cut])
		}
		label := strconv.Itoa(i+1) + " " + t
		if i == active {
			parts[i] = on.Render("[" + label + "]")
		} else {
			parts[i] = off.Render(pad + label + pad)
		}
	}
	sep := ""
	if pad == "" {
		sep = " "
	}
	return strings.Join(parts, sep)
}
