package overview

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
	"corecast/report"
)

// goalLines is the most lines the answer takes: at every width and in
// every state it takes the same number, so the charts underneath do not
// jump when the answer arrives.
const goalLines = 3

// goalView answers the question the product exists for, as a finance
// director reads it (DESIGN §7): the national money by year that gets every
// trust core by the target year with this confidence, its total, what it
// brings into the plan's window, and the uniform uplift beside it over the
// same years — or, when no uplift is enough, what binds and what would
// reach the goal. The words wrap to the width.
func (m *Model) goalView(res *forecast.Result, w int) string {
	st := m.ctx.Styles
	sc := res.Scenario
	p := format.Percent(m.goal.p())
	if m.goal.typed == 0 {
		p = fmt.Sprintf("%.0f%%", 100*m.goal.p()) // the stepped levels are whole percentages
	}
	k := m.goalKey()
	head := st.Title.Render(fmt.Sprintf("To reach core by %s with %s confidence:", sc.TargetYear, p))
	var answer, detail string
	a, _ := m.goal.seeks.Value(k)
	switch err := m.goal.seeks.Err(k); {
	case m.typing:
		answer, detail = m.input.View(), "a percentage, e.g. 85 or 87.5, or a fraction such as 0.85; enter seeks it"
	case err != nil:
		answer, detail = st.Bad.Render("the goal seek failed"), st.Bad.Render(err.Error())
	case a == nil:
		head = m.goal.seeks.Spinner() + st.Subtle.Render(fmt.Sprintf(" Finding the least national money by year for %s confidence of core by %s…", p, sc.TargetYear))
	case !a.Phased.Reached:
		answer, detail = outOfReach(a, res, w)
		answer = st.Bad.Render(answer)
	case a.Phased.Total == 0:
		answer = st.Good.Render("met with no more money")
		detail = "P " + format.Percent(a.Phased.P) + " with the national envelope as it is"
		if sc.EnvelopeUpliftM != 0 || sc.UpliftIsTable() {
			detail += "; this scenario's own uplift is more than needed"
		}
	default:
		ph := a.Phased
		answer = st.Value.Render("add " + report.MoneyByYear(ph.Years, ph.Uplift))
		detail = report.PhasedDetail(ph, a.PhasedMoney) + " · phased: P " + format.Percent(ph.P) + " · a applies it"
	}
	switch {
	case m.note != "":
		detail = st.Warn.Render(m.note)
	case detail != "" && !m.typing:
		detail = st.Subtle.Render(detail)
	}
	text := join(join(head, " ", answer), " — ", detail)
	out := strings.Split(lipgloss.NewStyle().Width(max(w, 20)).Render(text), "\n")
	if len(out) > goalLines {
		out = out[:goalLines]
		out[goalLines-1] = lipgloss.NewStyle().MaxWidth(w).Render(out[goalLines-1])
	}
	for len(out) < goalLines {
		out = append(out, "")
	}
	return strings.Join(out, "\n")
}

// outOfReach words the answer when no uplift reaches the goal: what binds,
// the most P any uplift gives, and the capacity and money that would reach
// it, in fewer words when the width is small.
func outOfReach(a *goalAnswer, res *forecast.Result, w int) (answer, detail string) {
	g, sc := a.Uniform, res.Scenario
	answer = "no uplift is enough"
	detail = fmt.Sprintf("%s; the most P is %s, from %s a year", report.WhatBinds(g, sc), format.Percent(g.P), format.Money(g.BestValue))
	if g.CapacityNeeded > 0 {
		detail += fmt.Sprintf("; %d starts a year with %s a year", g.CapacityNeeded, format.Money(g.CapacityUplift))
		if h := report.Headroom(a.Pair); h != "" {
			detail += " (" + h + ")"
		}
		detail += " would reach it"
		if iv := a.Pair; iv != nil {
			detail += ", which " + report.SpendChange(iv)
		}
		detail += " · a applies both"
	}
	if w < 100 {
		detail = fmt.Sprintf("%s (only %d starts a year); at most %s", report.BindsShort(g), sc.CapacityStarts, format.Percent(g.P))
		if g.Binds != forecast.BindsCapacity {
			detail = fmt.Sprintf("%s; at most %s", report.BindsShort(g), format.Percent(g.P))
		}
		if g.CapacityNeeded > 0 {
			detail += fmt.Sprintf("; %d starts and %s a year reach it · a applies both", g.CapacityNeeded, format.Money(g.CapacityUplift))
		}
	}
	return answer, detail
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
