package sensitivity

import (
	"fmt"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
	"corecast/ui/charts"
)

// View draws the tornado and the rank table, or what the screen waits for.
func (m *Model) View() string {
	st := m.ctx.Styles
	res := m.ctx.Result()
	if res == nil {
		return st.Subtle.Render("Waiting for the first forecast…")
	}
	title := st.Title.Render("Sensitivity: which inputs move total need") +
		st.Subtle.Render(" · "+m.ctx.Scenario().Name)
	out := m.current()
	var body string
	switch {
	case out != nil:
		if m.ctx.Running {
			title += st.Subtle.Render(" · of the last run; the forecast is updating")
		}
		body = m.analysis(out, res, m.h-1)
	case m.analyses.Err(res) != nil:
		body = st.Bad.Width(m.w).Render("The analysis failed: "+m.analyses.Err(res).Error()) + "\n" +
			st.Subtle.Render("r tries again.")
	case m.analyses.Running():
		body = m.progress(res)
	case m.ctx.Running:
		body = st.Subtle.Render("Waiting for the forecast to finish…")
	default:
		body = st.Subtle.Render("Press r to run the analysis.")
	}
	clip := lipgloss.NewStyle().MaxWidth(m.w).MaxHeight(max(m.h, 1))
	return clip.Render(lipgloss.JoinVertical(lipgloss.Left, title, body))
}

// progress shows the analysis in flight: a spinner, the runs done and a bar.
func (m *Model) progress(res *forecast.Result) string {
	st := m.ctx.Styles
	f := m.analyses.Progress().Fraction()
	runs := fmt.Sprintf("%d inputs at P10 and P90, %s iterations each", len(res.Inputs), format.Int(res.Iterations))
	return lipgloss.JoinVertical(lipgloss.Left,
		"",
		m.analyses.Spinner()+" Running the tornado: "+st.Subtle.Render(runs),
		charts.Bar(st, f, 1, min(40, max(m.w-8, 4)))+st.Subtle.Render(fmt.Sprintf(" %3.0f%%", 100*f)))
}

// analysis lays the tornado above the rank table, in h lines.
func (m *Model) analysis(out *forecast.SensitivityResult, res *forecast.Result, h int) string {
	tornado := m.tornado(out, res)
	left := h - lipgloss.Height(tornado) - 1
	return lipgloss.JoinVertical(lipgloss.Left, tornado, "", m.ranks(out, res, left))
}

// method says in one line how the tornado was computed, as fully as the
// width allows.
func (m *Model) method(res *forecast.Result) string {
	n := format.Int(res.Iterations)
	for _, s := range []string{
		fmt.Sprintf("Each input at its P10 and its P90 with every other input at its P50; common random numbers for the trust-level draws; %s iterations, seed %d", n, res.Scenario.Seed),
		fmt.Sprintf("Each input at its P10 and its P90, every other input at its P50; common random numbers; %s iterations, seed %d", n, res.Scenario.Seed),
	} {
		if lipgloss.Width(s) <= m.w {
			return s
		}
	}
	return "Each input at P10/P90, others at P50, common random numbers · " + n + " iterations"
}
