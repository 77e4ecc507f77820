package scenario

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"corecast/model"
)

// corrState is the correlation editor: a matrix of the scenario-level
// inputs' rank correlations, the cell under the cursor (row < col), and the
// value being typed for it.
type corrState struct {
	row, col int
	typing   bool
	problem  string
}

// openCorr opens the correlation editor on the first pair.
func (m *Model) openCorr() tea.Cmd {
	m.mode = correlating
	m.corr = corrState{row: 0, col: 1}
	return nil
}

// rhoOf returns the correlation of inputs a and b in sc (0 when not given).
func rhoOf(sc *model.Scenario, a, b string) float64 {
	for _, c := range sc.Correlations {
		if c.A == a && c.B == b || c.A == b && c.B == a {
			return c.Rho
		}
	}
	return 0
}

// withRho returns the correlations of sc with pair (a, b) set to rho, or
// removed when rho is 0.
func withRho(sc *model.Scenario, a, b string, rho float64) []model.Correlation {
	var out []model.Correlation
	found := false
	for _, c := range sc.Correlations {
		if c.A == a && c.B == b || c.A == b && c.B == a {
			found = true
			if rho != 0 {
				out = append(out, model.Correlation{A: a, B: b, Rho: rho})
			}
			continue
		}
		out = append(out, c)
	}
	if !found && rho != 0 {
		out = append(out, model.Correlation{A: a, B: b, Rho: rho})
	}
	return out
}

// corrKey moves the cursor over the upper triangle, opens a cell for typing
// and applies what is typed when the whole set is valid (positive definite
// among its checks); otherwise it explains and leaves the scenario as it was.
func (m *Model) corrKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	names := model.InputNames()
	c := &m.corr
	if c.typing {
		switch {
		case key.Matches(msg, k.Cancel):
			c.typing, c.problem = false, ""
			return nil
		case key.Matches(msg, k.Commit):
			return m.applyRho(names[c.row], names[c.col], m.inputs[0].Value())
		}
		var cmd tea.Cmd
		m.inputs[0], cmd = m.inputs[0].Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = browse
		return nil
	case key.Matches(msg, k.Up):
		c.row = max(c.row-1, 0)
	case key.Matches(msg, k.Down):
		c.row = min(c.row+1, c.col-1)
	case key.Matches(msg, k.Left):
		c.col = max(c.col-1, c.row+1)
	case key.Matches(msg, k.Right):
		c.col = min(c.col+1, len(names)-1)
	case key.Matches(msg, k.Edit):
		v := rhoOf(m.ctx.Scenario(), names[c.row], names[c.col])
		m.inputs = m.inputs[:0]
		in := m.newInput(strconv.FormatFloat(v, 'g', -1, 64), 4)
		m.inputs = append(m.inputs, in)
		m.focus, c.typing, c.problem = 0, true, ""
		return m.inputs[0].Focus()
	}
	return nil
}

// applyRho sets the pair's correlation if the scenario stays valid.
func (m *Model) applyRho(a, b, text string) tea.Cmd {
	c := &m.corr
	rho, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || math.IsNaN(rho) || rho < -1 || rho > 1 {
		c.problem = fmt.Sprintf("%q is not a correlation: type a number from -1 to 1 (0 removes the pair)", text)
		m.inputs[0].Select()
		return nil
	}
	next := m.ctx.Scenario().Clone()
	next.Correlations = withRho(m.ctx.Scenario(), a, b, rho)
	if err := next.Validate(); err != nil {
		c.problem = err.Error() + " — not used"
		m.inputs[0].Select() // the next key typed replaces the value refused
		return nil
	}
	cmd := m.ctx.Change("the correlation of "+a+" and "+b, next)
	c.typing, c.problem = false, ""
	m.say(fmt.Sprintf("rank correlation of %s and %s set to %g; u undoes it.", a, b, rho), false)
	return cmd
}

// corrView draws the matrix: the upper triangle of the inputs' rank
// correlations, the cell under the cursor in brackets.
func (m *Model) corrView() string {
	st := m.ctx.Styles
	names := model.InputNames()
	c := m.corr
	sc := m.ctx.Scenario()
	lines := []string{st.Title.Render("Rank correlations between scenario-level inputs") + st.Subtle.Render(" · "+sc.Name), ""}
	short := model.InputShortNames()
	head := fmt.Sprintf("%-7s", "")
	for _, n := range short[1:] {
		head += fmt.Sprintf("%7s", n)
	}
	lines = append(lines, st.TableHeader.Render(head))
	for r, a := range names[:len(names)-1] {
		row := fmt.Sprintf("%-7s", short[r])
		for col := 1; col < len(names); col++ {
			cell := ""
			if col > r {
				cell = strconv.FormatFloat(rhoOf(sc, a, names[col]), 'f', 2, 64)
				if cell == "0.00" {
					cell = "·"
				}
			}
			switch {
			case r == c.row && col == c.col && c.typing:
				cell = "[" + m.inputs[0].View() + "]"
			case r == c.row && col == c.col:
				cell = st.Selected.Render("[" + cell + "]")
			}
			row += fmt.Sprintf("%7s", cell)
		}
		lines = append(lines, row)
	}
	lines = append(lines, "", st.Subtle.Render(fmt.Sprintf("%s ~ %s", names[c.row], names[c.col])))
	msg := st.Subtle.Render("enter edits the pair (0 removes it); a set that is not positive definite is explained and not used; esc closes.")
	if c.problem != "" {
		msg = st.Bad.Render("✗ " + c.problem)
	} else if m.note != "" {
		msg = st.Good.Render(m.note)
	}
	lines = append(lines, lipgloss.NewStyle().Width(max(m.w, 20)).Render(msg))
	return lipgloss.NewStyle().MaxWidth(m.w).Render(strings.Join(lines, "\n"))
}
