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
// core by the target year with this confidence".
func (m *Model) goalView(res *forecast.Result, w int) string {
	st := m.ctx.Styles
	sc := res.Scenario
	p := fmt.Sprintf("%.0f%%", 100*m.goal.p()) // the goal levels are whole percentages
	k := m.goalKey()
	head := fmt.Sprintf("To reach core by %s with %s confidence:", sc.TargetYear, p)
	var answer, detail string
	a, _ := m.goal.seeks.Value(k)
	switch err := m.goal.seeks.Err(k); {
	case err != nil:
		answer, detail = st.Bad.Render("the goal seek failed"), st.Bad.Render(err.Error())
	case a == nil:
		head = m.goal.seeks.Spinner() + st.Subtle.Render(fmt.Sprintf(" Finding the national envelope uplift for %s confidence of core by %s…", p, sc.TargetYear))
	case !a.Reached:
		answer = st.Bad.Render("no uplift is enough")
		detail = fmt.Sprintf("%s; at most %s with any uplift", a.Binding, format.Percent(a.P))
		if w < goalOneLine || lipgloss.Width(head+" "+answer+" · "+detail) > w {
			// Only what binds, without the explanation after the colon.
			detail = fmt.Sprintf("%s; at most %s with any uplift", bindingShort(a.Binding), format.Percent(a.P))
		}
	case uplift(a) <= sc.EnvelopeUpliftM && sc.EnvelopeUpliftM == 0:
		answer = st.Good.Render("met with the current national envelope")
		detail = "P " + format.Percent(a.P) + " with no uplift"
	case uplift(a) <= sc.EnvelopeUpliftM:
		answer = st.Good.Render("met with this scenario's uplift")
		detail = fmt.Sprintf("P %s with envelope_uplift_m = %s", format.Percent(a.P), format.Thousands(sc.EnvelopeUpliftM))
	default:
		answer = st.Value.Render("+"+format.Money(uplift(a))) + " a year on the national envelope"
		if sc.EnvelopeUpliftM != 0 {
			answer += " (now " + format.DeltaMoney(sc.EnvelopeUpliftM) + ")"
		}
		detail = "P " + format.Percent(a.P) + " · a applies it"
		if w >= goalOneLine {
			detail = fmt.Sprintf("P %s with envelope_uplift_m = %s · a applies it", format.Percent(a.P), format.Thousands(uplift(a)))
		}
	}
	switch {
	case m.note != "":
		detail = st.Warn.Render(m.note)
	case detail != "":
		detail = st.Subtle.Render(detail)
	}
	clip := lipgloss.NewStyle().MaxWidth(w)
	var lines []string
	switch {
	case w >= goalOneLine:
		lines = []string{join(join(head, " ", answer), " · ", detail)}
	case lipgloss.Width(head+" "+answer) <= w:
		lines = []string{join(head, " ", answer), detail}
	default:
		lines = []string{head, join(answer, " · ", detail)}
	}
	for i, l := range lines {
		lines[i] = clip.Render(l)
	}
	return strings.Join(lines, "\n")
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
