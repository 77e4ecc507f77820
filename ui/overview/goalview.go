package overview

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
)

// goalOneLine is the width from which the goal seek's answer and its
// detail share one line; below it they take two, in every state, so the
// charts underneath do not jump when the answer arrives.
const goalOneLine = 110

// goalView answers "how much more national money a year gets every trust
// core by the target year with this confidence" — the least uplift, whatever
// the scenario's own — or, when no uplift is enough, what binds and what
// would reach it. Lines wrap to the width rather than being cut off.
func (m *Model) goalView(res *forecast.Result, w int) string {
	st := m.ctx.Styles
	sc := res.Scenario
	p := format.Percent(m.goal.p())
	if m.goal.typed == 0 {
		p = fmt.Sprintf("%.0f%%", 100*m.goal.p()) // the stepped levels are whole percentages
	}
	k := m.goalKey()
	head := fmt.Sprintf("To reach core by %s with %s confidence:", sc.TargetYear, p)
	var answer, detail string
	a, _ := m.goal.seeks.Value(k)
	switch err := m.goal.seeks.Err(k); {
	case m.typing:
		answer, detail = m.input.View(), "a percentage, e.g. 85 or 87.5; enter seeks it"
	case err != nil:
		answer, detail = st.Bad.Render("the goal seek failed"), st.Bad.Render(err.Error())
	case a == nil:
		head = m.goal.seeks.Spinner() + st.Subtle.Render(fmt.Sprintf(" Finding the least national envelope uplift for %s confidence of core by %s…", p, sc.TargetYear))
	case !a.Reached:
		answer = st.Bad.Render("no uplift is enough")
		detail = fmt.Sprintf("%s; at most %s, from %s a year", bindingShort(a.Binding), format.Percent(a.P), format.DeltaMoney(a.BestValue))
		if a.CapacityNeeded > 0 {
			detail += fmt.Sprintf("; reachable from %d starts a year with %s (P %s)", a.CapacityNeeded, format.DeltaMoney(a.CapacityUplift), format.Percent(a.CapacityP))
		}
		if lipgloss.Width(detail) > w {
			// The same in fewer words, so that it fits a line.
			detail = fmt.Sprintf("%s; ≤%s (%s); %s needs %d starts, %s", bindingShort(a.Binding),
				format.Percent(a.P), format.DeltaMoney(a.BestValue), p, a.CapacityNeeded, format.DeltaMoney(a.CapacityUplift))
			if a.CapacityNeeded == 0 {
				detail = fmt.Sprintf("%s; at most %s (%s)", bindingShort(a.Binding), format.Percent(a.P), format.DeltaMoney(a.BestValue))
			}
		}
	case uplift(a) == 0:
		answer = st.Good.Render("met with no uplift")
		detail = "P " + format.Percent(a.P) + " with the national envelope as it is"
		if sc.EnvelopeUpliftM != 0 || sc.UpliftIsTable() {
			detail += "; this scenario's uplift is more than needed"
		}
	default:
		answer = st.Value.Render("+"+format.Money(uplift(a))) + " a year on the national envelope"
		detail = fmt.Sprintf("the least: P %s with envelope_uplift_m = %s · a applies it", format.Percent(a.P), format.Thousands(uplift(a)))
		if sc.EnvelopeUpliftM != 0 {
			detail = fmt.Sprintf("the least (this scenario has %s): P %s · a applies it", format.DeltaMoney(sc.EnvelopeUpliftM), format.Percent(a.P))
		}
	}
	switch {
	case m.note != "":
		detail = st.Warn.Render(m.note)
	case detail != "" && !m.typing:
		detail = st.Subtle.Render(detail)
	}
	wrap := lipgloss.NewStyle().Width(max(w, 20))
	var lines []string
	switch {
	case w >= goalOneLine && lipgloss.Width(join(join(head, " ", answer), " · ", detail)) <= w:
		lines = []string{join(join(head, " ", answer), " · ", detail)}
	case lipgloss.Width(head+" "+answer) <= w:
		lines = []string{join(head, " ", answer), wrap.Render(detail)}
	default:
		lines = []string{wrap.Render(head), wrap.Render(join(answer, " · ", detail))}
	}
	// Two lines at most, so the charts underneath do not jump.
	out := strings.Split(strings.Join(lines, "\n"), "\n")
	if len(out) > 2 {
		out = append(out[:1], strings.Join(out[1:], " "))
		out[1] = lipgloss.NewStyle().MaxWidth(w).Render(out[1])
	}
	return strings.Join(out, "\n")
}

// join writes a and b with sep between them, or whichever is not empty.
func join(a, sep, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + sep + b
}

// bindingShort keeps what binds from the goal seek's explanation
// ("capacity_starts binds: with unlimited …").
func bindingShort(b string) string {
	if i := strings.Index(b, ":"); i > 0 {
		return b[:i]
	}
	return b
}
