package calibration

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
)

// View draws the lines that fit, from the scroll offset.
func (m *Model) View() string {
	ls := m.lines()
	from := min(m.offset, max(len(ls)-1, 0))
	to := min(from+max(m.h, 1), len(ls))
	clip := lipgloss.NewStyle().MaxWidth(m.w)
	out := make([]string, 0, to-from)
	for _, l := range ls[from:to] {
		out = append(out, clip.Render(l))
	}
	return strings.Join(out, "\n")
}

// lines writes the whole view, wrapped to the width.
func (m *Model) lines() []string {
	st := m.ctx.Styles
	wrap := func(s string) []string {
		return strings.Split(lipgloss.NewStyle().Width(max(m.w, 10)).Render(s), "\n")
	}
	if m.err != nil {
		out := []string{st.Title.Render("Calibration could not run"), ""}
		out = append(out, wrap(st.Bad.Render(m.err.Error()))...)
		out = append(out, "")
		out = append(out, wrap(st.Subtle.Render("A trust qualifies when the Trusts sheet gives a maturity_prev below its maturity and the Funding sheet has received funding for it. No scenario was added."))...)
		return out
	}
	if m.cal == nil {
		return []string{st.Subtle.Render("Calibrating…")}
	}
	c := m.cal
	f := c.Unit
	out := wrap(st.Title.Render("Calibration from past funding") +
		st.Subtle.Render(fmt.Sprintf(" · %d trusts whose maturity rose with funding received", f.N)))
	out = append(out, wrap(st.Good.Render(fmt.Sprintf("Added scenario %q and switched to it: unit costs, size elasticity and trust sigma come from this fit.", m.added)))...)
	out = append(out, "",
		st.TableHeader.Render("log(£ spent / points gained) = a(type) + β·log(opex / ref_opex)"),
		st.Subtle.Render(fmt.Sprintf("N %d · R² %.2f (adjusted %.2f) · residual s.d. %.2f (log scale)", f.N, f.R2, f.AdjR2, f.ResidualSD)),
		st.TableHeader.Render(fmt.Sprintf("%-16s %9s %8s %7s %7s  %s", "Coefficient", "Estimate", "s.e.", "t", "p", "Scenario")),
	)
	for _, co := range f.Coefficients {
		out = append(out, fmt.Sprintf("%-16s %9.3f %8.3f %7.2f %7.3f  %s", co.Name, co.Estimate, co.SE, co.T, co.P, meaning(co)))
	}
	if b, ok := c.Free.Coefficient("b"); ok {
		out = append(out, wrap(st.Subtle.Render(fmt.Sprintf("With the power of points gained free: b = %.2f ± %.2f (1 is proportional), R² %.2f", b.Estimate, b.SE, c.Free.R2)))...)
	}
	if len(c.Notes) > 0 {
		out = append(out, "", st.Title.Render("Notes"))
		for _, n := range c.Notes {
			out = append(out, wrap(st.Subtle.Render("• "+n))...)
		}
	}
	return out
}

// meaning says what a coefficient becomes in the calibrated scenario.
func meaning(c forecast.Coefficient) string {
	switch {
	case strings.HasPrefix(c.Name, "a."):
		return fmt.Sprintf("unit cost £%.2fm/point", math.Exp(c.Estimate))
	case c.Name == "beta":
		return "size elasticity"
	}
	return ""
}
