package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"corecast/forecast"
	"corecast/model"
)

// printCalibration writes both fits, the notes and the calibrated values
// beside the base scenario's.
func printCalibration(w io.Writer, book string, base model.Scenario, cal *forecast.Calibration) error {
	ref := strconv.FormatFloat(base.RefOpexM, 'g', -1, 64)
	fmt.Fprintf(w, "Calibration on %s: %d trusts with maturity_prev below maturity and received funding.\n\n", book, len(cal.Observations))
	fmt.Fprintf(w, "Free fit: log(received £m) = a_type + b·log(points gained) + beta·log(opex / %s)\n", ref)
	if err := printFit(w, cal.Free); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nUnit fit, b = 1 as the model assumes: log(received £m / points gained) = a_type + beta·log(opex / %s)\n", ref)
	if err := printFit(w, cal.Unit); err != nil {
		return err
	}
	if len(cal.Notes) > 0 {
		fmt.Fprintln(w, "\nNotes:")
		for _, n := range cal.Notes {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
	fmt.Fprintf(w, "\nScenario %q (unit costs in £m per maturity point at opex £%sm):\n", cal.Scenario.Name, ref)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  key\tcalibrated\tbase scenario")
	for _, ty := range model.TrustTypes() {
		fmt.Fprintf(tw, "  unit_cost.%s\t%s\t%s\n", ty.Key(), distText(cal.Scenario.UnitCost[ty]), distText(base.UnitCost[ty]))
	}
	fmt.Fprintf(tw, "  size_elasticity\t%s\t%s\n", distText(cal.Scenario.SizeElasticity), distText(base.SizeElasticity))
	fmt.Fprintf(tw, "  trust_sigma\t%s\t%s\n", sig4(cal.Scenario.TrustSigma), sig4(base.TrustSigma))
	return tw.Flush()
}

// printFit writes a fit's coefficients and quality.
func printFit(w io.Writer, f forecast.Fit) error {
	width := len("coefficient")
	for _, c := range f.Coefficients {
		width = max(width, len(c.Name))
	}
	// Names padded to one width stay left-aligned in a right-aligned table.
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\testimate\tSE\tt\tp\t\n", width, "coefficient")
	for _, c := range f.Coefficients {
		fmt.Fprintf(tw, "%-*s\t%.4f\t%.4f\t%.2f\t%s\t\n", width, c.Name, c.Estimate, c.SE, c.T, pValue(c.P))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "  N = %d, residual df = %d, R² = %.3f, adjusted R² = %.3f, residual sd = %.3f (log scale)\n",
		f.N, f.DF, f.R2, f.AdjR2, f.ResidualSD)
	return err
}

// pValue writes a p-value to three decimals, or "<0.001".
func pValue(p float64) string {
	if p < 0.001 {
		return "<0.001"
	}
	return strconv.FormatFloat(p, 'f', 3, 64)
}

// distText writes a distribution with its parameters to four significant
// figures, e.g. "lognormal(median 1.517, sigma 0.08524)".
func distText(d model.Distribution) string {
	var parts []string
	for _, p := range d.Params() {
		parts = append(parts, fmt.Sprintf("%s %s", p[0], sig4(p[1].(float64))))
	}
	return string(d.Kind) + "(" + strings.Join(parts, ", ") + ")"
}

// sig4 writes v to four significant figures.
func sig4(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
