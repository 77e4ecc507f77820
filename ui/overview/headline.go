package overview

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
	"corecast/model"
	"corecast/ui/common"
)

// headline writes the headline figures, one per line: label, value, range
// and, when there is a previous run, the change against it. Colour says
// whether a change is for the better; the sign says it without colour.
func headline(ctx *common.Context, res, prev *forecast.Result, w int) string {
	st := ctx.Styles
	sc := res.Scenario
	out := func(r *forecast.Result, k string) forecast.Stats {
		if r == nil {
			return forecast.Stats{}
		}
		o, _ := r.Output(k)
		return o.Stats
	}
	need, nat, window := out(res, "total_need"), out(res, "national_need"), out(res, "plan_window_spend")
	budget := format.Percentile(sc.BudgetP)
	// rng gives the P50 and the budget beside the mean (DESIGN §6), then
	// the P10–P90 range as room allows.
	rng := func(s forecast.Stats) string {
		mid := "P50 " + format.Money(s.P50) + " · " + budget + " " + format.Money(s.Budget)
		wide := mid + " · P10–P90 " + format.Money(s.P10) + " – " + format.Money(s.P90)
		switch {
		case w >= 110:
			return wide
		case w >= 90:
			return mid + " · P10–P90 " + format.MoneyRange(s.P10, s.P90)
		}
		return mid
	}
	// money gives the change in a cost: a rise is bad news.
	money := func(k string, now forecast.Stats) string {
		if prev == nil {
			return ""
		}
		was := out(prev, k)
		return change(ctx, now.Mean-was.Mean, 0.5, format.DeltaMoney(now.Mean-was.Mean), false)
	}

	pAll := res.PAllCoreByTarget
	seNote := "s.e. "
	if sc.Sampling == model.LHS {
		seNote = "s.e. ≤" // the SE is an upper bound under Latin hypercube sampling
	}
	planGap := sc.PlanTotalM - window.Mean
	planNote := "over plan"
	if planGap >= 0 {
		planNote = "under plan"
	}

	type row struct{ label, value, detail, delta string }
	rows := []row{
		{"Total need", format.Money(need.Mean), rng(need), money("total_need", need)},
		{"National need", format.Money(nat.Mean), rng(nat), money("national_need", nat)},
		{"Spend " + sc.PlanFrom.String() + " to " + sc.PlanTo.String(), format.Money(window.Mean), rng(window), money("plan_window_spend", window)},
		{"Gap to " + format.Money(sc.PlanTotalM) + " plan", format.Money(math.Abs(planGap)),
			planNote + " · P(spend within plan) " + format.Percent(res.PWithinPlan.P), ""},
		{"P(all core by " + sc.TargetYear.String() + ")", format.Percent(pAll.P), probabilityNote(pAll, res.Iterations, seNote), ""},
		{"All trusts core (median)", format.Year(res.AllCore.P50, sc.HorizonYear),
			"P10 " + format.Year(res.AllCore.P10, sc.HorizonYear) + ", P90 " + format.Year(res.AllCore.P90, sc.HorizonYear), ""},
	}
	if prev != nil {
		d := pAll.P - prev.PAllCoreByTarget.P
		rows[4].delta = change(ctx, d, 0.0005, format.DeltaPoints(d), true)
		if dy := yearDelta(res.AllCore.P50, prev.AllCore.P50); dy != 0 {
			rows[5].delta = change(ctx, float64(dy), 0.5, fmt.Sprintf("%+d yr", dy), false)
		} else if res.AllCore.P50 != prev.AllCore.P50 {
			rows[5].delta = st.Subtle.Render("changed")
		}
	}

	title := st.Title.Render(ctx.Scenario().Name+": how much, and by when") +
		st.Subtle.Render(fmt.Sprintf("  mean, £ real %s prices", sc.BaseYear))
	if prev != nil {
		title += st.Subtle.Render(" · Δ vs previous run")
	}
	lines := []string{lipgloss.NewStyle().MaxWidth(w).Render(title)}
	labelW := 0
	for _, r := range rows {
		labelW = max(labelW, lipgloss.Width(r.label))
	}
	for _, r := range rows {
		line := st.Label.Render(common.Pad(r.label, labelW)) + " " +
			st.Value.Render(common.PadLeft(r.value, 8)) + "  " + st.Subtle.Render(r.detail)
		if r.delta != "" {
			if gap := 66 - lipgloss.Width(line); gap > 0 {
				line += strings.Repeat(" ", gap)
			}
			line += "  " + r.delta
		}
		lines = append(lines, lipgloss.NewStyle().MaxWidth(w).Render(line))
	}
	return strings.Join(lines, "\n")
}

// change writes a delta, styled good or bad by its direction, or "no change"
// when it is within eps of zero.
func change(ctx *common.Context, d, eps float64, text string, upIsGood bool) string {
	st := ctx.Styles
	switch {
	case d > eps && upIsGood, d < -eps && !upIsGood:
		return st.Good.Render(text)
	case d > eps, d < -eps:
		return st.Bad.Render(text)
	}
	return st.Subtle.Render("no change")
}

// yearDelta is the change in a year, 0 when either is beyond the horizon.
func yearDelta(now, was model.FinancialYear) int {
	if now >= model.Never || was >= model.Never {
		return 0
	}
	return now.Sub(was)
}

// probabilityNote says how sure a probability is: its Monte Carlo standard
// error, or — when it is 0 or 1, where that error is 0 and says nothing —
// the count of iterations it rests on: "0 of 10,000 iterations".
func probabilityNote(p forecast.Probability, n int, seNote string) string {
	switch p.P {
	case 0:
		return "0 of " + format.Int(n) + " iterations"
	case 1:
		return "all " + format.Int(n) + " iterations"
	}
	return seNote + format.ErrorPercent(p.SE) + " (Monte Carlo)"
}
