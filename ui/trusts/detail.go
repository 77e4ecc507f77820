package trusts

import (
	"corecast/internal/safetext"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
	"corecast/model"
	"corecast/ui/common"
)

// detailView describes one trust: what it is, what it needs, when it is
// likely to be core, and the funding rows that count towards it.
func detailView(ctx *common.Context, res *forecast.Result, r *forecast.TrustResult, w, h int) string {
	st := ctx.Styles
	sc := res.Scenario
	t := r.Trust
	hz := sc.HorizonYear
	line := func(label, value, detail string) string {
		return st.Label.Render(fmt.Sprintf("%-20s", label)) + " " + st.Value.Render(fmt.Sprintf("%9s", value)) + "  " + st.Subtle.Render(detail)
	}
	facts := []string{t.Type.String(), t.Region.String(), "opex " + format.MoneyM(t.OpexM) + " a year"}
	if t.EPR != "" {
		facts = append(facts, "EPR "+t.EPR)
	}
	comp := r.Completion
	lines := []string{
		st.Title.Render(safetext.Line(t.Code) + "  " + t.Name),
		st.Subtle.Render(strings.Join(facts, " · ")),
		"",
		line("Digital maturity", whole(t.Maturity), fmt.Sprintf("core at %g: gap %s points", sc.CoreThreshold, strings.TrimSpace(whole(r.Gap)))),
		line("Cost to core", format.MoneyM(r.Cost.Mean), "mean; P10–P90 "+format.MoneyM(r.Cost.P10)+" – "+format.MoneyM(r.Cost.P90)),
		line("Funding counted", format.MoneyM(r.CommittedM), "received and committed"+planned(sc.IncludePlanned)),
		line("Remaining need", format.MoneyM(r.NeedMean), "mean, after funding counted"),
		line("P(core by "+sc.TargetYear.String()+")", format.Percent(r.PCoreByTarget.P), "s.e. "+format.ErrorPercent(r.PCoreByTarget.SE)),
		line("Core by (median)", completion(r, hz.String()), "P10 "+format.Year(comp.P10, hz)+", P90 "+format.Year(comp.P90, hz)),
		"",
	}
	lines = append(lines, costFormula(ctx, sc, r)...)
	var rows []string
	for _, f := range ctx.Inputs.Funding {
		if f.Code == t.Code {
			rows = append(rows, fmt.Sprintf("  %-28s %s  national %s  local %s  %s",
				f.Programme, f.Year, format.MoneyM(f.NationalM), format.MoneyM(f.LocalM), f.Status))
		}
	}
	if len(rows) == 0 {
		lines = append(lines, st.Subtle.Render("No programme funding rows for this trust."))
	} else {
		lines = append(lines, st.Title.Render("Funding rows"))
		lines = append(lines, rows...)
	}
	lines = append(lines, "", st.Subtle.Render("esc back to the table"))
	return lipgloss.NewStyle().MaxWidth(w).MaxHeight(h).Render(strings.Join(lines, "\n"))
}

func planned(include bool) string {
	if include {
		return ", and planned"
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// costFormula writes DESIGN §5's cost of a trust with its own numbers: the
// scenario-level inputs at their means, its gap and its size. The product
// of the means is not the mean of the product, so the result is marked
// approximate beside the simulated mean.
func costFormula(ctx *common.Context, sc model.Scenario, r *forecast.TrustResult) []string {
	st := ctx.Styles
	t := r.Trust
	if r.Gap == 0 {
		return []string{st.Subtle.Render("Already core: no cost to reach the threshold."), ""}
	}
	uc, _ := sc.UnitCost[t.Type].Moments()
	beta, _ := sc.SizeElasticity.Moments()
	ob, _ := sc.OptimismBias.Moments()
	size := math.Pow(t.OpexM/sc.RefOpexM, beta)
	approx := uc * r.Gap * size * (1 + ob)
	return []string{
		st.Title.Render("Cost to core"),
		st.Subtle.Render("cost = unit cost × gap × (opex/ref_opex)^β × ε × (1 + optimism bias)"),
		fmt.Sprintf("     ≈ %s × %s × (%s / %s)^%s × 1 × (1 + %s) = %s",
			format.Short(uc), strings.TrimSpace(whole(r.Gap)), format.Thousands(t.OpexM), format.Thousands(sc.RefOpexM), format.Short(beta), format.Short(ob), format.MoneyM(approx)),
		st.Subtle.Render("       at the inputs' means (ε, a trust's own spread, has mean 1);"),
		st.Subtle.Render("       the simulated mean, over every draw, is " + format.MoneyM(r.Cost.Mean)),
		"",
	}
}
