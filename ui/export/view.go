package export

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/format"
	"corecast/ui/common"
)

// describe says what each format holds.
func describe(f string) string {
	switch f {
	case "xlsx":
		return "Excel workbook: every table, charts, inputs and a manifest"
	case "csv":
		return "zip of CSV files, one per table of the workbook"
	case "json":
		return "one JSON document with the same tables"
	}
	return ""
}

// View draws the format choice, the path, what will be written, and the
// progress or outcome.
func (m *Model) View() string {
	st := m.ctx.Styles
	label := func(s string) string { return st.Label.Render(fmt.Sprintf("%-9s", s)) }
	var formats []string
	for i, f := range m.formats() {
		if i == m.format {
			formats = append(formats, st.Selected.Render("["+f+"]"))
		} else {
			formats = append(formats, " "+f+" ")
		}
	}
	cur := ""
	if len(m.formats()) > 0 {
		cur = describe(m.formats()[m.format])
	}
	path := m.path.View()
	if m.state != editing {
		path = st.Value.Render(m.path.Value())
	}
	lines := []string{
		st.Title.Render("Export results"),
		"",
		label("Format") + " ◂ " + strings.Join(formats, " ") + " ▸",
		label("") + " " + st.Subtle.Render(cur),
		label("Path") + " " + path,
		label("") + " " + st.Subtle.Render("relative to "+m.ctx.WorkDir),
		"",
		"",
	}
	contents := lipgloss.JoinHorizontal(lipgloss.Top, label("Contents")+" ",
		lipgloss.NewStyle().Width(max(m.w-10, 10)).Render(m.contents()))
	if m.state == writing {
		lines = append(lines, label("Progress")+" "+m.bar.ViewAs(m.job.Progress().Fraction())+
			st.Subtle.Render(fmt.Sprintf(" %3.0f%%", 100*m.job.Progress().Fraction())))
	}
	note := ""
	if m.note != "" {
		style := st.Good
		if m.noteBad {
			style = st.Warn
		}
		note = style.Width(m.w).Render(m.note) // wrapped: it may hold a long path
	}
	clip := lipgloss.NewStyle().MaxWidth(m.w)
	for i, l := range lines {
		lines[i] = clip.Render(l)
	}
	lines = append(lines[:7], append([]string{clip.Render(contents)}, lines[7:]...)...)
	if note != "" {
		lines = append(lines, note)
	}
	return strings.Join(lines, "\n")
}

// contents names the scenarios that will be written, each with the
// analyses of its run computed on screen, which go in with it.
func (m *Model) contents() string {
	st := m.ctx.Styles
	if m.ctx.Result() == nil {
		return st.Subtle.Render("no result yet")
	}
	var names []string
	for _, r := range m.results() {
		name := fmt.Sprintf("%s (%s iterations, seed %d)", r.Scenario.Name, format.Int(r.Iterations), r.Scenario.Seed)
		if with := analysed(m.ctx.AnalysesOf(r)); with != "" {
			name += " with its " + with
		}
		names = append(names, name)
	}
	return strings.Join(names, "; ")
}

// analysed names the analyses a run has: "sensitivity, goal seek (P ≥
// 80.0%) and frontier".
func analysed(a common.Analyses) string {
	var parts []string
	if a.Sensitivity != nil {
		parts = append(parts, "sensitivity")
	}
	if len(a.GoalSeek) > 0 {
		parts = append(parts, "goal seek (P ≥ "+format.Percent(a.GoalSeek[0].Goal)+")")
	}
	if a.Frontier != nil {
		parts = append(parts, "frontier")
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
