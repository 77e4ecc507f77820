package compare

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/format"
	"corecast/model"
	"corecast/ui/charts"
)

// Column widths: figure label, baseline value, and for each other
// scenario its value, the difference and its standard error.
const (
	labelW = 30
	valueW = 9
	deltaW = 9
	seW    = 8
	otherW = 2 + valueW + 1 + deltaW + 2 + seW
)

// fit is how many other scenarios fit side by side.
func (m *Model) fit() int {
	return max((m.w-labelW-1-valueW)/otherW, 1)
}

// View draws the comparison table, or the runs' progress or failure.
func (m *Model) View() string {
	st := m.ctx.Styles
	if len(m.names) == 0 {
		return ""
	}
	base := m.names[m.base]
	title := st.Title.Render("Compare scenarios") + st.Subtle.Render(" against "+base)
	var body string
	switch {
	case m.err != nil:
		body = st.Bad.Width(m.w).Render("The comparison failed: "+m.err.Error()) + "\n" + st.Subtle.Render("r runs it again, esc closes.")
	case m.results == nil:
		f := m.job.Progress().Fraction()
		body = "\n" + m.spinner.View() + " Running " + strconv.Itoa(len(m.names)) + " scenarios with the same seed…\n" +
			charts.Bar(st, f, 1, min(40, max(m.w-8, 4))) + st.Subtle.Render(fmt.Sprintf(" %3.0f%%", 100*f))
	default:
		body = m.table()
	}
	clip := lipgloss.NewStyle().MaxWidth(m.w).MaxHeight(max(m.h, 1))
	return clip.Render(lipgloss.JoinVertical(lipgloss.Left, title, body))
}

// others lists the indices of the other scenarios shown.
func (m *Model) others() []int {
	var out []int
	for i := range m.names {
		if i != m.base {
			out = append(out, i)
		}
	}
	first := min(m.first, max(len(out)-m.fit(), 0))
	return out[first:min(first+m.fit(), len(out))]
}

// table writes one row per headline figure: the baseline's value, then each
// other scenario's value, difference and its standard error.
func (m *Model) table() string {
	st := m.ctx.Styles
	res := m.results[m.base]
	shown := m.others()
	// A baseline's name may reach left over the empty label column.
	head1 := fmt.Sprintf("%*s", labelW+1+valueW, trunc(m.names[m.base], labelW+valueW))
	head2 := fmt.Sprintf("%-*s %*s", labelW, "Mean", valueW, "")
	for _, i := range shown {
		head1 += "  " + fmt.Sprintf("%-*s", otherW-2, trunc(m.names[i], otherW-2))
		head2 += "  " + fmt.Sprintf("%*s %*s  %-*s", valueW, "", deltaW, "Δ", seW, "± s.e.")
	}
	lines := []string{
		st.Subtle.Width(m.w).Render(fmt.Sprintf("Same seed %d and %s iterations for every scenario; Δ is the scenario minus %s.",
			res.Scenario.Seed, format.Int(res.Iterations), m.names[m.base])),
		"",
		st.TableHeader.Render(head1),
		st.TableHeader.Render(head2),
	}
	var rows []string
	for k, d := range m.diffs[shown[0]] {
		row := fmt.Sprintf("%-*s %*s", labelW, trunc(d.Label, labelW), valueW, value(d.Unit, d.A))
		for _, i := range shown {
			if k >= len(m.diffs[i]) {
				continue
			}
			o := m.diffs[i][k]
			row += "  " + fmt.Sprintf("%*s %*s  %-*s", valueW, value(o.Unit, o.B), deltaW, delta(o.Unit, o.Diff), seW, "±"+se(o.Unit, o.SE))
		}
		rows = append(rows, row)
	}
	lines = append(lines, rows...)
	paired := true
	for _, i := range shown {
		for _, d := range m.diffs[i] {
			paired = paired && d.Paired
		}
	}
	note := "s.e. is the Monte Carlo error of Δ: the runs are paired iteration by iteration, so noise they share cancels."
	if !paired {
		note = "s.e. is the Monte Carlo error of Δ, from each run's own error (some figures cannot be paired)."
	}
	lines = append(lines, "", st.Subtle.Width(m.w).Render(note))
	if n := len(m.names) - 1; n > len(shown) {
		lines = append(lines, st.Subtle.Render(fmt.Sprintf("Showing %d of %d other scenarios: ←/→ for more.", len(shown), n)))
	}
	lines = append(lines, m.inputsTable(shown)...)
	return strings.Join(lines, "\n")
}

// inputsTable lists the inputs that differ between the baseline and the
// other scenarios shown, one row per key with its value in each.
func (m *Model) inputsTable(shown []int) []string {
	st := m.ctx.Styles
	cols := append([]int{m.base}, shown...)
	scs := make([]model.Scenario, len(cols))
	for j, i := range cols {
		scs[j] = m.results[i].Scenario
	}
	rows := differingInputs(scs)
	if len(rows) == 0 {
		return []string{"", st.Subtle.Render("Every input is the same in these scenarios.")}
	}
	const keyW = 24
	w := max((m.w-keyW)/len(cols)-2, 8)
	head := fmt.Sprintf("%-*s", keyW, "Inputs that differ")
	for _, i := range cols {
		head += "  " + fmt.Sprintf("%-*s", w, trunc(m.names[i], w))
	}
	out := []string{"", st.TableHeader.Render(head)}
	for _, r := range rows {
		line := fmt.Sprintf("%-*s", keyW, trunc(r.key, keyW))
		for _, v := range r.values {
			line += "  " + fmt.Sprintf("%-*s", w, trunc(v, w))
		}
		out = append(out, line)
	}
	return out
}

// value writes a figure in its unit.
func value(unit string, v float64) string {
	switch unit {
	case "£m":
		return format.Money(v)
	case "probability":
		return format.Percent(v)
	}
	return format.Count(v)
}

// delta writes a difference in its unit, with its sign.
func delta(unit string, v float64) string {
	switch unit {
	case "£m":
		return format.DeltaMoney(v)
	case "probability":
		return format.DeltaPoints(v)
	}
	return fmt.Sprintf("%+.1f", v)
}

// se writes a standard error in its unit.
func se(unit string, v float64) string {
	switch unit {
	case "£m":
		return format.Money(v)
	case "probability":
		return strings.TrimSuffix(format.ErrorPercent(v), "%") + " pts"
	}
	return format.Count(v)
}

// trunc shortens s to n cells with an ellipsis.
func trunc(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:max(n-1, 0)]) + "…"
}
