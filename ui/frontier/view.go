package frontier

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
	"corecast/ui/charts"
)

// shades draw P from 0 to 1 in the heat map, so that it reads without
// colour too (NO_COLOR).
var shades = []string{" ", "░", "▒", "▓", "█"}

// View draws the heat map with the frontier line, the price of confidence
// and the phased table, or what the screen waits for.
func (m *Model) View() string {
	st := m.ctx.Styles
	res := m.ctx.Result()
	if res == nil {
		return st.Subtle.Render("Waiting for the first forecast…")
	}
	title := st.Title.Render("Frontier: money and capacity together") + st.Subtle.Render(" · "+m.ctx.Scenario().Name)
	out := m.current()
	var body string
	switch {
	case out.frontier != nil:
		body = m.analysis(out)
	case m.analyses.Err(res) != nil:
		body = st.Bad.Width(m.w).Render("The analysis failed: "+m.analyses.Err(res).Error()) + "\n" + st.Subtle.Render("r tries again.")
	case m.analyses.Running():
		f := m.analyses.Progress().Fraction()
		body = lipgloss.JoinVertical(lipgloss.Left, "",
			m.analyses.Spinner()+" P over uplift × capacity, the price of confidence and the phased goal seek: "+
				st.Subtle.Render("each iteration drawn once, its schedule re-run a few hundred times"),
			charts.Bar(st, f, 1, min(40, max(m.w-8, 4)))+st.Subtle.Render(fmt.Sprintf(" %3.0f%%", 100*f)))
	case m.ctx.Running:
		body = st.Subtle.Render("Waiting for the forecast to finish…")
	default:
		body = st.Subtle.Render("Press r to run the analysis.")
	}
	lines := []string{title, body}
	if m.note != "" {
		lines = append(lines, st.Good.Width(m.w).Render(m.note))
	}
	clip := lipgloss.NewStyle().MaxWidth(m.w).MaxHeight(max(m.h, 1))
	return clip.Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}

// analysis lays the heat map beside (or, when narrow, above) the frontier
// line, then the price of confidence and the phased table.
func (m *Model) analysis(out outcome) string {
	heat := m.heatMap(out.frontier)
	side := m.line(out.frontier)
	top := lipgloss.JoinHorizontal(lipgloss.Top, heat, "  ", side)
	if lipgloss.Width(top) > m.w {
		top = lipgloss.JoinVertical(lipgloss.Left, heat, m.lineCompact(out.frontier))
	}
	wrap := lipgloss.NewStyle().Width(max(m.w, 20))
	return lipgloss.JoinVertical(lipgloss.Left, top, wrap.Render(m.cursorLine(out.frontier)),
		wrap.Render(m.price(out.frontier)), wrap.Render(m.phasedTable(out.phased)))
}

// heatMap draws P over the grid: a row per capacity, a column per uplift;
// a cell reaching the goal is drawn in the good colour, the cursor in
// brackets.
func (m *Model) heatMap(f *forecast.FrontierResult) string {
	st := m.ctx.Styles
	cw := 3
	var b strings.Builder
	b.WriteString(st.Label.Render(fmt.Sprintf("%-9s", "starts")))
	for i, u := range f.Uplifts {
		if i%4 == 0 {
			b.WriteString(fmt.Sprintf("%-*s", 4*cw, "+"+format.Short(u)))
		}
	}
	b.WriteString("\n")
	onGrid := false
	for r, c := range f.Capacities {
		mark := "  "
		if c == f.Capacity {
			mark, onGrid = "▸ ", true
		}
		b.WriteString(fmt.Sprintf("%s%6d ", mark, c))
		for u := range f.Uplifts {
			p := f.P[r][u]
			s := strings.Repeat(shades[min(int(p*float64(len(shades))), len(shades)-1)], cw-1)
			cell := " " + s
			if r == m.row && u == m.col {
				cell = "[" + shades[min(int(p*float64(len(shades))), len(shades)-1)] + "]"
			}
			style := st.Subtle
			if p >= f.Goal {
				style = st.Good
			}
			b.WriteString(style.Render(cell))
		}
		b.WriteString("\n")
	}
	where := "▸ the scenario's capacity"
	if !onGrid {
		// No row is the scenario's own capacity: say where it falls.
		where = fmt.Sprintf("the scenario's %d starts are not a row", f.Capacity)
	}
	b.WriteString(st.Subtle.Render(fmt.Sprintf("P(all core): ' '<20%% ░ ▒ ▓ █≥80%%; green ≥ %s; %s", format.Percent(f.Goal), where)))
	return b.String()
}

// line lists the frontier line: the least uplift for the goal at each
// capacity.
func (m *Model) line(f *forecast.FrontierResult) string {
	st := m.ctx.Styles
	rows := []string{st.Label.Render("Least uplift for P ≥ " + format.Percent(f.Goal))}
	for _, pt := range f.Line {
		v := st.Subtle.Render(fmt.Sprintf("none (at most %s)", format.Percent(pt.P)))
		if pt.Reached {
			v = st.Value.Render(format.DeltaMoney(pt.Uplift)) + st.Subtle.Render(" a year")
		}
		rows = append(rows, fmt.Sprintf("%4d starts  %s", pt.Capacity, v))
	}
	return strings.Join(rows, "\n")
}

// lineCompact writes the frontier line on one (wrapped) line, for narrow
// terminals.
func (m *Model) lineCompact(f *forecast.FrontierResult) string {
	st := m.ctx.Styles
	var parts []string
	for _, pt := range f.Line {
		if pt.Reached {
			parts = append(parts, fmt.Sprintf("%d %s", pt.Capacity, format.DeltaMoney(pt.Uplift)))
		} else {
			parts = append(parts, fmt.Sprintf("%d none", pt.Capacity))
		}
	}
	return lipgloss.NewStyle().Width(max(m.w, 20)).Render(st.Label.Render("Least uplift for P ≥ "+format.Percent(f.Goal)+" by starts: ") + strings.Join(parts, " · "))
}

// cursorLine states the point under the cursor.
func (m *Model) cursorLine(f *forecast.FrontierResult) string {
	st := m.ctx.Styles
	r, c := min(m.row, len(f.Capacities)-1), min(m.col, len(f.Uplifts)-1)
	return st.Subtle.Render(fmt.Sprintf("Cursor: %d starts a year, %s a year → P %s (a applies it)",
		f.Capacities[r], format.DeltaMoney(f.Uplifts[c]), format.Percent(f.P[r][c])))
}

// price lists the price of confidence at the scenario's capacity.
func (m *Model) price(f *forecast.FrontierResult) string {
	st := m.ctx.Styles
	var parts []string
	for _, pp := range f.Price {
		if pp.Reached {
			// A no-break space keeps each level with its price when the
			// line wraps.
			parts = append(parts, format.Percent(pp.Goal)+"\u00a0"+format.DeltaMoney(pp.Uplift))
		}
	}
	head := st.Label.Render(fmt.Sprintf("Price of confidence at %d starts: ", f.Capacity))
	ceiling := st.Subtle.Render(fmt.Sprintf("; no uplift takes P above %s (reached from %s)", format.Percent(f.Ceiling), format.DeltaMoney(f.CeilingUplift)))
	if f.Ceiling >= 1 {
		ceiling = st.Subtle.Render(fmt.Sprintf("; P reaches 100%% from %s", format.DeltaMoney(f.CeilingUplift)))
	}
	if len(parts) == 0 {
		return head + st.Subtle.Render("no level reached") + ceiling
	}
	return head + strings.Join(parts, " · ") + ceiling
}

// phasedTable shows the phased goal seek beside the uniform answer over
// the same years.
func (m *Model) phasedTable(ph *forecast.PhasedResult) string {
	st := m.ctx.Styles
	if ph == nil {
		return ""
	}
	if !ph.Reached {
		return st.Subtle.Render(fmt.Sprintf("Phased goal seek: no uplift reaches P ≥ %s at this capacity; the uniform answer says what would.", format.Percent(ph.Goal)))
	}
	var parts []string
	for i, y := range ph.Years {
		parts = append(parts, y.String()+" "+format.DeltaMoney(ph.Uplift[i]))
	}
	return st.Label.Render(fmt.Sprintf("Phased for P ≥ %s: ", format.Percent(ph.Goal))) +
		strings.Join(parts, ", ") + st.Subtle.Render(fmt.Sprintf(" — total %s against %s for the uniform %s a year over the same years (p applies it)",
		format.MoneyM(ph.Total), format.MoneyM(ph.UniformTotal), format.DeltaMoney(ph.UniformM)))
}
