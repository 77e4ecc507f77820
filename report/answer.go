package report

import (
	"fmt"
	"strings"

	"corecast/forecast"
	"corecast/format"
	"corecast/model"
)

// This file words the goal seek's answers for every front end (the
// command line's lines, the TUI, the Brief and GoalSeek sheets), so that
// an answer reads the same wherever a finance director meets it.

// WhatBinds says in a sentence what stops the goal being reached, from a
// goal seek that did not reach it: "delivery capacity binds: only 80
// trusts can start a year …". It is empty when the goal was reached.
func WhatBinds(g *forecast.GoalSeekResult, sc model.Scenario) string {
	if g == nil {
		return ""
	}
	switch g.Binds {
	case forecast.BindsCapacity:
		return fmt.Sprintf("delivery capacity binds: only %s trusts can start a year; with no limit on starts as well as money P could reach %s",
			format.Int(sc.CapacityStarts), format.Percent(g.PUnbound))
	case forecast.BindsEnvelope:
		return fmt.Sprintf("the national envelope binds: more starts a year do not help without more money; with unlimited money as well P could reach %s",
			format.Percent(g.PUnbound))
	case forecast.BindsDeployment:
		return fmt.Sprintf("deployment time binds: even with unlimited money and starts, not every trust can finish deploying by %s (P at most %s)",
			sc.TargetYear, format.Percent(g.PUnbound))
	}
	return ""
}

// BindsShort is WhatBinds in a few words, for a narrow screen: "delivery
// capacity binds".
func BindsShort(g *forecast.GoalSeekResult) string {
	switch g.Binds {
	case forecast.BindsCapacity:
		return "delivery capacity binds"
	case forecast.BindsEnvelope:
		return "the national envelope binds"
	case forecast.BindsDeployment:
		return "deployment time binds"
	}
	return ""
}

// MoneyByYear writes an uplift table as money by year, the years with an
// uplift only: "£771m in 2019-20, £800m in 2020-21 and £369m in 2021-22".
func MoneyByYear(years []model.FinancialYear, uplift []float64) string {
	var parts []string
	for i, y := range years {
		if uplift[i] > 0 {
			parts = append(parts, format.Money(uplift[i])+" in "+y.String())
		}
	}
	switch len(parts) {
	case 0:
		return "nothing"
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// PhasedAnswer states the phased answer as a finance director reads it:
// the money by year, then PhasedDetail. It is empty when the goal was not
// reached.
func PhasedAnswer(ph *forecast.PhasedResult, iv *forecast.Investment) string {
	if ph == nil || !ph.Reached {
		return ""
	}
	return "add " + MoneyByYear(ph.Years, ph.Uplift) + " to the national envelope: " + PhasedDetail(ph, iv)
}

// PhasedDetail is what follows the phased answer's money by year, every
// sum with the years it covers: its total over the table's years, what it
// does to national spend in the plan's window (when iv, the answer's
// investment table, is known: an uplift is headroom, not spend), and the
// uniform uplift over the same years. The Overview, the stderr line and
// the Brief all word it here.
func PhasedDetail(ph *forecast.PhasedResult, iv *forecast.Investment) string {
	first, last := ph.Years[0], ph.Years[len(ph.Years)-1]
	s := fmt.Sprintf("%s over %s to %s", format.Money(ph.Total), first, last)
	if iv != nil {
		s += "; it " + SpendChange(iv) + fmt.Sprintf(" (%s there %s)", format.Percentile(iv.BudgetP), format.Money(iv.Window.NationalSpendBudgetM))
	}
	return s + fmt.Sprintf("; a uniform uplift needs %s a year, %s over the same years, %s to %s", format.Money(ph.UniformM), format.Money(ph.UniformTotal), first, last)
}

// SpendChange says what an answer does to national spend in the plan's
// window — an uplift is headroom, and the spend it brings is what a budget
// needs: "brings £1.20bn more national spend into 2019-20 to 2023-24",
// "means £40.0m less national spend in …", or "leaves national spend in …
// as it is" within half a £m.
func SpendChange(iv *forecast.Investment) string {
	d, span := iv.ExtraInWindowM(), iv.WindowFrom.String()+" to "+iv.WindowTo.String()
	switch {
	case d >= 0.5:
		return fmt.Sprintf("brings %s more national spend into %s", format.Money(d), span)
	case d <= -0.5:
		return fmt.Sprintf("means %s less national spend in %s", format.Money(-d), span)
	}
	return "leaves national spend in " + span + " as it is"
}

// GoalSeekAnswer states a goal seek's answer with the money it means, when
// iv (the answer's own run) is known: "+£771m a year on the national
// envelope, £3.86bn of headroom over 2019-20 to 2023-24, which brings
// £432m more national spend into 2019-20 to 2023-24 (P80 there £3.41bn)";
// for capacity, "capacity_starts = 153 a year, which …". Out of reach,
// what binds, and the capacity and money that would reach the goal.
func GoalSeekAnswer(g *forecast.GoalSeekResult, iv *forecast.Investment, sc model.Scenario) string {
	spend := SpendClause(iv)
	// An uplift is given with the headroom it makes over the plan's window.
	headroom, pair := Headroom(iv), ""
	if headroom != "" {
		pair = " (" + headroom + ")"
	}
	switch {
	case !g.Reached && g.Lever == forecast.LeverEnvelope && g.CapacityNeeded > 0:
		return fmt.Sprintf("no uplift reaches the goal: %s; %s starts a year with +%s a year%s would reach it%s",
			WhatBinds(g, sc), format.Int(g.CapacityNeeded), format.Money(g.CapacityUplift), pair, spend)
	case !g.Reached:
		return "no " + map[bool]string{true: "capacity", false: "uplift"}[g.Lever == forecast.LeverCapacity] + " reaches the goal: " + WhatBinds(g, sc)
	case g.Lever == forecast.LeverCapacity:
		return fmt.Sprintf("capacity_starts = %s a year%s", format.Thousands(g.Value), spend)
	}
	if headroom != "" {
		headroom = ", " + headroom
	}
	return fmt.Sprintf("+%s a year on the national envelope%s%s", format.Money(g.Value), headroom, spend)
}

// InvestmentFor returns the run's investment table for goal seek g: the
// uniform (or capacity-and-uniform) answer for the envelope, the capacity
// answer for capacity; nil when there is none.
func InvestmentFor(run Run, g *forecast.GoalSeekResult) *forecast.Investment {
	for _, iv := range run.Investment {
		switch {
		case g.Lever == forecast.LeverCapacity && iv.Answer == AnswerCapacity,
			g.Lever == forecast.LeverEnvelope && (iv.Answer == AnswerUniform || iv.Answer == AnswerPair):
			return iv
		}
	}
	return nil
}

// AnswerName names goal seek g's answer as its investment table does.
func AnswerName(g *forecast.GoalSeekResult) string {
	switch {
	case g.Lever == forecast.LeverCapacity:
		return AnswerCapacity
	case g.Reached:
		return AnswerUniform
	}
	return AnswerPair
}

// Names of the answers set out as money by year.
const (
	AnswerPhased   = "phased"
	AnswerUniform  = "uniform"
	AnswerCapacity = "capacity"
	AnswerPair     = "capacity and uniform"
)

// SpendClause is SpendChange as a clause with the window's national spend
// at budget_p: ", which brings £1.20bn more national spend into 2019-20
// to 2023-24 (P80 there £4.10bn)". Empty without iv.
func SpendClause(iv *forecast.Investment) string {
	if iv == nil {
		return ""
	}
	return fmt.Sprintf(", which %s (%s there %s)", SpendChange(iv), format.Percentile(iv.BudgetP), format.Money(iv.Window.NationalSpendBudgetM))
}

// Headroom is the uplift an answer adds over the plan's window, with the
// years: "£3.85bn of headroom over 2019-20 to 2023-24". Empty without iv.
func Headroom(iv *forecast.Investment) string {
	if iv == nil {
		return ""
	}
	return fmt.Sprintf("%s of headroom over %s to %s", format.Money(iv.Window.UpliftM), iv.WindowFrom, iv.WindowTo)
}
