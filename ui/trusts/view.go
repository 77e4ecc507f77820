package trusts

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/format"
)

// View draws the table with its filter line and the count and totals of
// the trusts shown, or the detail view.
func (m *Model) View() string {
	res := m.ctx.Result()
	st := m.ctx.Styles
	if m.showing {
		return m.data.View()
	}
	if res == nil {
		return st.Subtle.Render("Waiting for the first forecast…")
	}
	if m.detail != nil {
		return detailView(m.ctx, res, m.detail, m.w, m.h)
	}
	var top string
	switch {
	case m.filter.Focused():
		top = m.filter.View()
	case m.filter.Value() != "":
		top = st.Subtle.Render("filter: ") + m.filter.Value() + st.Subtle.Render("  (/ changes, esc clears)")
	default:
		top = st.Title.Render("Trusts") + st.Subtle.Render(" · £m real "+res.Scenario.BaseYear.String()+" · P(core) by "+res.Scenario.TargetYear.String()+" · Core by: median year")
	}
	switch q := m.query; {
	case m.filter.Value() == "":
	case q.problem != "":
		top += "  " + st.Warn.Render(q.problem)
	case q.hint != "":
		top += "  " + st.Subtle.Render(q.hint)
	}
	return lipgloss.JoinVertical(lipgloss.Left,
		lipgloss.NewStyle().MaxWidth(m.w).Render(top),
		m.table.View(),
		lipgloss.NewStyle().MaxWidth(m.w).Render(st.Subtle.Render(m.footer())))
}

// footer counts the trusts shown out of all, with their totals: the mean
// cost to core and mean remaining need summed over them (as the Regions
// screen sums a region's), and their mean P(core by the target year). The
// import notes are named last, on a line of their own when the width is
// short.
func (m *Model) footer() string {
	var cost, need, p float64
	for _, r := range m.rows {
		cost += r.Cost.Mean
		need += r.NeedMean
		p += r.PCoreByTarget.P
	}
	parts := []string{itoa(len(m.rows)) + " of " + itoa(len(m.ctx.Result().ByTrust)) + " trusts"}
	if n := len(m.rows); n > 0 {
		parts = append(parts, "cost "+format.Money(cost)+" · need "+format.Money(need)+" (means)",
			"P(core) mean "+format.Percent(p/float64(n)))
	}
	line := strings.Join(parts, " · ")
	n := len(m.ctx.ImportNotes)
	if n == 0 {
		return line
	}
	notes := format.Nouns(n, "import note") + ": n shows them"
	if lipgloss.Width(line+" · "+notes) > m.w {
		return line + "\n" + notes // the table gives up a row
	}
	return line + " · " + notes
}
