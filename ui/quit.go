package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"corecast/model"
	"corecast/ui/keys"
	"corecast/ui/scenario"
)

// quitting is the question asked when the user quits with scenarios that
// differ from how they were loaded or last written: save them, discard
// them, or stay.
type quitting struct {
	asking  bool
	targets []target // where s writes each unsaved scenario; nil until found
	saving  bool
	problem string // why the last save failed
}

// target is one unsaved scenario and the file s writes it to.
type target struct {
	index     int
	sc        model.Scenario
	path      string
	overwrite bool // the file is the one this session last wrote it to
}

// targetsMsg carries the files found for the unsaved scenarios.
type targetsMsg struct{ targets []target }

// savedMsg carries the outcome of saving on quitting: the targets written,
// and why the first one that failed did.
type savedMsg struct {
	written []target
	err     error
}

// quitKeys are the question's answers; any other key stays.
var quitKeys = struct{ Save, Discard key.Binding }{
	Save:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "save")),
	Discard: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "discard and quit")),
}

// askQuit quits at once when nothing is unsaved; otherwise it asks, and
// looks for the files to save to off the update loop.
func (m *Model) askQuit() tea.Cmd {
	unsaved := m.ctx.Unsaved()
	if len(unsaved) == 0 {
		return m.quit()
	}
	m.quitting = quitting{asking: true}
	m.layout()
	var todo []target
	for _, i := range unsaved {
		t := target{index: i, sc: m.ctx.Scenarios[i].Clone()}
		if p := m.ctx.WrittenTo(i); p != "" {
			t.path, t.overwrite = p, true
		}
		todo = append(todo, t)
	}
	dir := m.ctx.WorkDir
	return func() tea.Msg { return targetsMsg{findTargets(dir, todo)} }
}

// findTargets gives each scenario not yet written in this session a new
// file in dir named after it (baseline.toml, else baseline-2.toml, …), so
// that saving on quitting never replaces a file it did not write.
func findTargets(dir string, ts []target) []target {
	used := map[string]bool{}
	for _, t := range ts {
		if t.path != "" {
			used[t.path] = true
		}
	}
	for i := range ts {
		if ts[i].path != "" {
			continue
		}
		stem := scenario.Slug(ts[i].sc.Name)
		for n := 1; ; n++ {
			name := stem + ".toml"
			if n > 1 {
				name = fmt.Sprintf("%s-%d.toml", stem, n)
			}
			p := filepath.Join(dir, name)
			if _, err := os.Lstat(p); !used[p] && errors.Is(err, fs.ErrNotExist) {
				ts[i].path, used[p] = p, true
				break
			}
		}
	}
	return ts
}

// quitKey answers the question: s saves every unsaved scenario and quits,
// d quits without saving, ctrl+c a second time quits at once, and any
// other key stays.
func (m *Model) quitKey(msg tea.KeyMsg) tea.Cmd {
	q := &m.quitting
	switch {
	case key.Matches(msg, keys.ForceQuit()), key.Matches(msg, quitKeys.Discard):
		return m.quit()
	case key.Matches(msg, quitKeys.Save):
		if q.targets == nil || q.saving {
			return nil // the files are still being found, or written
		}
		q.saving, q.problem = true, ""
		return m.saveAll(q.targets)
	}
	m.quitting = quitting{}
	m.layout()
	return nil
}

// saveAll writes each target in turn, off the update loop, through the
// same writer as w on the Scenario screen.
func (m *Model) saveAll(ts []target) tea.Cmd {
	save := m.ctx.Files.SaveScenario
	return func() tea.Msg {
		var done savedMsg
		for _, t := range ts {
			err := errors.New("writing scenarios is not available")
			if save != nil {
				err = save(t.path, t.sc, t.overwrite)
			}
			if err != nil {
				done.err = fmt.Errorf("%s not written: %w", t.sc.Name, err)
				return done
			}
			done.written = append(done.written, t)
		}
		return done
	}
}

// quitUpdate takes the outcome of the question's background work. A save
// that succeeded quits, unless the user has chosen to stay meanwhile; one
// that failed says why and asks again, with new files.
func (m *Model) quitUpdate(msg tea.Msg) (tea.Cmd, bool) {
	q := &m.quitting
	switch msg := msg.(type) {
	case targetsMsg:
		if q.asking {
			q.targets = msg.targets
			m.layout()
		}
		return nil, true
	case savedMsg:
		for _, t := range msg.written {
			m.ctx.Written(t.index, t.sc, t.path)
		}
		if !q.asking {
			return nil, true
		}
		if msg.err == nil {
			return m.quit(), true
		}
		problem := msg.err.Error()
		cmd := m.askQuit()
		m.quitting.problem = problem
		m.layout()
		return cmd, true
	}
	return nil, false
}

// quitView is the question, in place of the help line.
func (m *Model) quitView() string {
	st, q := m.ctx.Styles, m.quitting
	var names, files []string
	for _, i := range m.ctx.Unsaved() {
		names = append(names, m.ctx.Scenarios[i].Name)
	}
	for _, t := range q.targets {
		files = append(files, m.shortPath(t.path))
	}
	save := "s saves them"
	switch {
	case q.saving:
		save = "saving…"
	case q.targets != nil:
		save = "s saves to " + strings.Join(files, ", ")
	}
	text := st.Warn.Render("Unsaved changes to "+strings.Join(names, ", ")+".") + " " +
		st.Key.Render(save) + st.Subtle.Render(" · ") + st.Key.Render("d discards them and quits") +
		st.Subtle.Render(" · ") + st.Key.Render("esc stays")
	if q.problem != "" {
		text = st.Bad.Render(q.problem) + "\n" + text
	}
	return lipgloss.NewStyle().Width(max(m.ctx.Width, 20)).Render(text)
}

// shortPath writes a path relative to the work directory when it is in it.
func (m *Model) shortPath(p string) string {
	if rel, err := filepath.Rel(m.ctx.WorkDir, p); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}
