package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"corecast/model"
)

// PrintSummary writes a one-screen summary of the session's inputs and
// scenarios.
func PrintSummary(w io.Writer, s Session) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	in := s.Inputs
	fmt.Fprintf(tw, "Input\t%s\n", s.InputName)
	var byType [model.NumTrustTypes]int
	var byRegion [model.NumRegions]int
	core := 0
	for _, t := range in.Trusts {
		byType[t.Type]++
		byRegion[t.Region]++
	}
	var types, regions []string
	for _, t := range model.TrustTypes() {
		types = append(types, fmt.Sprintf("%s %d", t, byType[t]))
	}
	for _, r := range model.Regions() {
		regions = append(regions, fmt.Sprintf("%s %d", r, byRegion[r]))
	}
	fmt.Fprintf(tw, "Trusts\t%d: %s\n", len(in.Trusts), strings.Join(types, ", "))
	fmt.Fprintf(tw, "Regions\t%s\n", strings.Join(regions, ", "))
	var programme float64
	envelope := map[model.FinancialYear]float64{}
	var years []model.FinancialYear
	for _, f := range in.Funding {
		switch {
		case f.IsNational():
			if _, seen := envelope[f.Year]; !seen {
				years = append(years, f.Year)
			}
			envelope[f.Year] += f.NationalM
		case f.Status.Counts(false):
			programme += f.NationalM + f.LocalM
		}
	}
	fmt.Fprintf(tw, "Funding\t%d rows; £%.1fm received or committed to trusts\n", len(in.Funding), programme)
	if len(years) > 0 {
		var parts []string
		for _, y := range years {
			parts = append(parts, fmt.Sprintf("%s £%.0fm", y, envelope[y]))
		}
		fmt.Fprintf(tw, "National envelope\t%s\n", strings.Join(parts, ", "))
	}
	for i, sc := range s.Scenarios {
		core = 0
		for _, t := range in.Trusts {
			if t.Gap(sc.CoreThreshold) == 0 {
				core++
			}
		}
		label := "Scenario"
		if len(s.Scenarios) > 1 {
			label = fmt.Sprintf("Scenario %d", i+1)
		}
		fmt.Fprintf(tw, "%s\t%s: %d iterations, seed %d, %s sampling, target %s, horizon %s\n",
			label, sc.Name, sc.Iterations, sc.Seed, sc.Sampling, sc.TargetYear, sc.HorizonYear)
		fmt.Fprintf(tw, "\tcore threshold %g (%d of %d trusts already core), priority %s, capacity %d starts a year\n",
			sc.CoreThreshold, core, len(in.Trusts), sc.Priority, sc.CapacityStarts)
		fmt.Fprintf(tw, "\tunit cost acute %s, optimism bias %s, deploy years %s\n",
			sc.UnitCost[model.Acute], sc.OptimismBias, sc.DeployYears)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing summary: %w", err)
	}
	return nil
}
