package sensitivity

import (
	"corecast/ui/common"
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
	"corecast/ui/charts"
)

// rankColW is the width of one column of the rank table: name, two ρ.
const rankColW = nameW + 2 + 5 + 2 + 5

// ranks draws the inputs' rank correlations, largest |ρ| with need first,
// in h lines: one column when it fits, else two side by side, else as many
// rows as fit with a count of the rest.
func (m *Model) ranks(out *forecast.SensitivityResult, res *forecast.Result, h int) string {
	st := m.ctx.Styles
	title := st.Title.Render("Spearman ρ") + st.Subtle.Render(fmt.Sprintf(" across the run's %s iterations, with total need and with trusts core by %s",
		format.Int(res.Iterations), res.Scenario.TargetYear))
	if lipgloss.Width(title) > m.w {
		title = st.Title.Render("Spearman ρ") + st.Subtle.Render(" with total need (need) and trusts core by "+res.Scenario.TargetYear.String()+" (core)")
	}
	rows := make([]string, len(out.Ranks))
	for i, r := range out.Ranks {
		rows[i] = common.Pad(r.Input, nameW) + "  " + fmt.Sprintf("%5s  %5s", rho(r.RhoNeed), rho(r.RhoCore))
	}
	head := st.TableHeader.Render(common.Pad("Input", nameW) + "  " + fmt.Sprintf("%5s  %5s", "need", "core"))
	room := h - 2
	barW := m.w - rankColW - 2
	switch {
	case room >= len(rows) || m.w < 2*rankColW+3:
		if barW >= 10 {
			head += st.TableHeader.Render("  |ρ need|")
			for i, r := range out.Ranks {
				rows[i] += "  " + charts.Bar(m.ctx.Styles, math.Abs(r.RhoNeed), 1, min(barW, 30))
			}
		}
		if room < len(rows) && room > 0 {
			more := st.Subtle.Render(fmt.Sprintf("… %d more with smaller ρ", len(rows)-room+1))
			rows = append(rows[:room-1], more)
		}
		return strings.Join(append([]string{title, head}, rows...), "\n")
	}
	// Two columns, read down the left and then down the right.
	half := (len(rows) + 1) / 2
	gap := st.Faint.Render(" │ ")
	lines := []string{title, head + gap + head}
	for i := 0; i < half; i++ {
		l := common.Pad(rows[i], rankColW)
		if i+half < len(rows) {
			l += gap + rows[i+half]
		}
		lines = append(lines, l)
	}
	return lipgloss.NewStyle().MaxWidth(m.w).Render(strings.Join(lines, "\n"))
}

// rho writes a correlation with its sign.
func rho(v float64) string { return fmt.Sprintf("%+.2f", v) }
