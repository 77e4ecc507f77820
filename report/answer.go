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
// the money by year and its total, what it brings into the plan's window
// (when iv, the answer's investment table, is known), and the uniform
// answer over the same years. It is empty when the goal was not reached.
func PhasedAnswer(ph *forecast.PhasedResult, iv *forecast.Investment) string {
	if ph == nil || !ph.Reached {
		return ""
	}
	first, last := ph.Years[0], ph.Years[len(ph.Years)-1]
	s := fmt.Sprintf("add %s to the national envelope (%s over %s to %s)",
		MoneyByYear(ph.Years, ph.Uplift), format.Money(ph.Total), first, last)
	if iv != nil {
		s += "; it " + SpendChange(iv)
	}
	return s + fmt.Sprintf("; a uniform uplift needs %s a year, %s over the same years", format.Money(ph.UniformM), format.Money(ph.UniformTotal))
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
