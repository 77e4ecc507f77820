package scenario

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/format"
)

// keyWidth is the width of the input-name column.
const keyWidth = 24

// View draws the scenario switcher, the live figures, the inputs and the
// line that explains the selected input or what went wrong.
func (m *Model) View() string {
	if m.mode == viewing {
		return m.sub.View()
	}
	if m.mode == correlating {
		return m.corrView()
	}
	st := m.ctx.Styles
	lines := []string{m.scenariosLine(), m.figuresLine(),
		st.TableHeader.Render(fmt.Sprintf("  %-*s %s", keyWidth, "Input", "Value"))}
	// The message wraps to the width rather than being cut off; the list
	// gives up the rows it needs.
	msg := m.messageLine()
	first := strings.Split(lipgloss.NewStyle().Width(max(m.w, 20)).Render(msg[0]), "\n")
	if len(first) > 3 {
		first = first[:3]
	}
	msg = append(first, msg[1:]...)
	height := max(m.listHeight()-(len(first)-1), 1)
	if m.cursor >= m.offset+height {
		m.offset = m.cursor - height + 1
	}
	end := min(m.offset+height, len(m.fields))
	for i := m.offset; i < end; i++ {
		lines = append(lines, m.row(i))
	}
	for len(lines) < 3+height {
		lines = append(lines, "")
	}
	lines = append(lines, msg...)
	clip := lipgloss.NewStyle().MaxWidth(m.w)
	for i, l := range lines {
		lines[i] = clip.Render(l)
	}
	return strings.Join(lines, "\n")
}

// scenariosLine names every scenario, the current one in brackets.
func (m *Model) scenariosLine() string {
	st := m.ctx.Styles
	parts := []string{st.Title.Render("Scenarios")}
	for i, s := range m.ctx.Scenarios {
		if i == m.ctx.Current {
			parts = append(parts, st.Value.Render("["+s.Name+"]"))
		} else {
			parts = append(parts, st.Subtle.Render(s.Name))
		}
	}
	return strings.Join(parts, " ")
}

// figuresLine shows the headline figures of the latest run, with their
// change since the previous run, so edits can be judged without leaving.
func (m *Model) figuresLine() string {
	st := m.ctx.Styles
	res := m.ctx.Result()
	switch {
	case m.ctx.RunErr() != nil:
		return st.Bad.Render("Run failed: " + m.ctx.RunErr().Error())
	case res == nil:
		return st.Subtle.Render("Computing…")
	}
	need, _ := res.Output("total_need")
	s := st.Label.Render("Total need ") + st.Value.Render(format.Money(need.Stats.Mean))
	if prev := m.ctx.Previous; prev != nil {
		was, _ := prev.Output("total_need")
		s += st.Subtle.Render(" (" + format.DeltaMoney(need.Stats.Mean-was.Stats.Mean) + ")")
	}
	s += st.Label.Render("  P(all core by "+res.Scenario.TargetYear.String()+") ") + st.Value.Render(format.Percent(res.PAllCoreByTarget.P))
	if prev := m.ctx.Previous; prev != nil {
		s += st.Subtle.Render(" (" + format.DeltaPoints(res.PAllCoreByTarget.P-prev.PAllCoreByTarget.P) + ")")
	}
	if m.ctx.Running {
		s += st.Subtle.Render("  updating…")
	}
	return s
}

// row draws one input: its name and value, or its edit fields when open.
func (m *Model) row(i int) string {
	st := m.ctx.Styles
	f := m.fields[i]
	marker := "  "
	if i == m.cursor {
		marker = st.Key.Render("▸ ")
	}
	// A star marks a value that differs from the scenario as loaded.
	label := f.key
	sc := m.ctx.Scenario()
	loaded := m.ctx.Loaded()
	if f.value(sc) != f.value(&loaded) {
		label += "*"
	}
	name := fmt.Sprintf("%-*s ", keyWidth, label)
	if i != m.cursor || m.mode == browse || m.mode == askPath || m.mode == confirm || m.mode == editChoice {
		v := f.value(sc)
		if i == m.cursor && m.mode == editChoice {
			v = "[◂ " + v + " ▸]"
		}
		if i == m.cursor {
			return marker + st.Selected.Render(name+v)
		}
		return marker + name + v
	}
	if m.mode == editText {
		return marker + st.Selected.Render(name) + m.inputs[0].View()
	}
	kind := string(m.draft.Kind)
	// Brackets mark the part being edited as well as colour does, so it
	// shows without colour (NO_COLOR).
	k := " ◂ " + fmt.Sprintf("%-10s", kind) + " ▸ "
	if m.focus == kindFocus {
		k = st.Selected.Render("[◂ " + fmt.Sprintf("%-10s", kind) + " ▸]")
	}
	parts := []string{k}
	for j, p := range m.params {
		if j == m.focus {
			parts = append(parts, st.Key.Render(p)+"["+m.inputs[j].View()+"]")
		} else {
			parts = append(parts, p+" "+m.inputs[j].Value()) // no field's padding: the row fits 80 columns
		}
	}
	return marker + st.Selected.Render(name) + strings.Join(parts, " ")
}

// messageLine explains the selected input, or shows what is wrong with what
// is typed, or the outcome of the last action, or the path being asked for.
func (m *Model) messageLine() []string {
	st := m.ctx.Styles
	f := m.fields[m.cursor]
	first := ""
	switch {
	case m.mode == askPath:
		verb := "Open scenario file"
		if m.file.op == writing {
			verb = "Write scenario to"
		}
		first = st.Label.Render(verb+": ") + m.file.input.View()
	case m.problem != "":
		first = st.Bad.Render("✗ "+m.problem) + st.Subtle.Render(m.notRun())
	case m.note != "" && m.noteBad:
		first = st.Warn.Render(m.note)
	case m.note != "":
		first = st.Good.Render(m.note)
	case m.mode == editDist || m.mode == editText:
		first = st.Good.Render("✓ valid") + st.Subtle.Render(" — the figures follow as you type")
	case m.mode == editChoice:
		first = st.Subtle.Render("←/→ choose; the figures follow. enter keeps it, esc takes it back.")
	}
	desc := st.Subtle.Render(f.key + ": " + f.desc)
	if m.mode == askPath && m.note != "" {
		desc = st.Warn.Render(m.note) // why the path is asked again
	}
	src := st.Faint.Render("source: " + m.ctx.Scenario().SourceOf(f.key).Text(f.source))
	if n := m.changed(); m.mode == browse && first == "" && n > 0 {
		differ := fmt.Sprintf("* %d values differ", n)
		if n == 1 {
			differ = "* 1 value differs"
		}
		first = st.Faint.Render(differ + " from the scenario as loaded: u undoes the last change, d resets the selected one to it, D to its default.")
	} else if len(m.ctx.Scenario().Correlations) > 0 && m.mode == browse && first == "" {
		first = st.Faint.Render(fmt.Sprintf("%d rank correlations between inputs apply; x edits them.", len(m.ctx.Scenario().Correlations)))
	}
	return []string{first, desc, src}
}

// notRun says, beside a problem with what is typed, that it is not run and
// which value the figures shown are for, so that they are not read as the
// value typed.
func (m *Model) notRun() string {
	f := m.fields[m.cursor]
	res := m.ctx.Result()
	if f.key == "name" || res == nil || (m.mode != editText && m.mode != editDist) {
		return ""
	}
	words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	shown, held := f.value(&res.Scenario), f.value(m.ctx.Scenario())
	s := " — not run; the figures are for " + words(shown)
	if shown != held {
		s += " until " + words(held) + " has run"
	}
	return s
}

// changed counts the values that differ from the scenario as loaded.
func (m *Model) changed() int {
	sc := m.ctx.Scenario()
	loaded := m.ctx.Loaded()
	n := 0
	for _, f := range m.fields {
		if f.value(sc) != f.value(&loaded) {
			n++
		}
	}
	return n
}
