package scenario

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/format"
	"corecast/model"
	"corecast/ui/common"
)

// fileOp is what a path is asked for.
type fileOp int

const (
	opening fileOp = iota
	writing
	// projecting writes every open scenario and the input as one project
	// file (W).
	projecting
)

// fileState is the path being typed for opening or writing a scenario file.
type fileState struct {
	op    fileOp
	input common.Input
	path  string // the path being written, while overwriting is asked
}

// fileDoneMsg carries the outcome of opening or writing a scenario file:
// the scenario read, or the scenario written and its index.
type fileDoneMsg struct {
	op    fileOp
	path  string
	sc    model.Scenario
	index int
	err   error
}

// askFile asks for a path, suggesting one named after the scenario when writing.
func (m *Model) askFile(op fileOp) tea.Cmd {
	suggest, placeholder := "", "scenario.toml"
	switch op {
	case writing:
		suggest = Slug(m.ctx.Scenario().Name) + ".toml"
	case projecting:
		suggest, placeholder = "project.toml", "project.toml"
	}
	in := m.newInput(suggest, max(m.w-24, 20))
	in.Placeholder = placeholder
	m.file = fileState{op: op, input: in}
	m.mode = askPath
	m.say("", false)
	return m.file.input.Focus()
}

// fileKey handles keys while a path is typed or an overwrite is asked.
func (m *Model) fileKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if m.mode == confirm {
		switch {
		case key.Matches(msg, k.Yes):
			m.mode = browse
			if m.file.op == projecting {
				return m.saveProject(m.file.path, true)
			}
			return m.save(m.file.path, true)
		case key.Matches(msg, k.No):
			m.mode = askPath
			m.file.input.Select() // the name typed next replaces the one refused
			m.say("Not written: choose another name, or esc.", false)
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = browse
		return nil
	case key.Matches(msg, k.Commit):
		path := strings.TrimSpace(m.file.input.Value())
		if path == "" {
			m.say("Type a file name first.", true)
			return nil
		}
		m.mode = browse
		path = m.ctx.Resolve(path)
		switch m.file.op {
		case opening:
			return m.load(path)
		case projecting:
			return m.saveProject(path, false)
		}
		return m.save(path, false)
	}
	var cmd tea.Cmd
	m.file.input, cmd = m.file.input.Update(msg)
	return cmd
}

// save writes the current scenario in a Cmd, off the update loop.
func (m *Model) save(path string, overwrite bool) tea.Cmd {
	files := m.ctx.Files
	sc, i := m.ctx.Scenario().Clone(), m.ctx.Current
	m.say("Writing "+path+"…", false)
	return func() tea.Msg {
		done := fileDoneMsg{op: writing, path: path, sc: sc, index: i}
		if files.SaveScenario == nil {
			done.err = errors.New("writing scenarios is not available")
		} else {
			done.err = files.SaveScenario(path, sc, overwrite)
		}
		return done
	}
}

// saveProject writes every open scenario and the input as a project file
// in a Cmd, off the update loop.
func (m *Model) saveProject(path string, overwrite bool) tea.Cmd {
	files := m.ctx.Files
	scenarios := make([]model.Scenario, len(m.ctx.Scenarios))
	for i, sc := range m.ctx.Scenarios {
		scenarios[i] = sc.Clone()
	}
	m.say("Writing "+path+"…", false)
	return func() tea.Msg {
		done := fileDoneMsg{op: projecting, path: path, index: len(scenarios)}
		if files.SaveProject == nil {
			done.err = errors.New("writing projects is not available")
		} else {
			done.err = files.SaveProject(path, scenarios, overwrite)
		}
		return done
	}
}

// load reads a scenario file in a Cmd.
func (m *Model) load(path string) tea.Cmd {
	files := m.ctx.Files
	m.say("Opening "+path+"…", false)
	return func() tea.Msg {
		if files.LoadScenario == nil {
			return fileDoneMsg{op: opening, path: path, err: errors.New("opening scenarios is not available")}
		}
		sc, err := files.LoadScenario(path)
		return fileDoneMsg{op: opening, path: path, sc: sc, err: err}
	}
}

// fileDone reports a finished file action; an existing file leads to the
// overwrite question rather than an error.
func (m *Model) fileDone(msg fileDoneMsg) tea.Cmd {
	switch {
	case msg.op != opening && errors.Is(msg.err, fs.ErrExist):
		m.file.path = msg.path
		m.mode = confirm
		m.say("Overwrite? y/n — "+msg.path+" already exists", true)
		return nil
	case msg.err != nil:
		m.say(msg.err.Error(), true)
		return nil
	case msg.op == projecting:
		m.say("Wrote "+msg.path+": the input and "+format.Nouns(msg.index, "scenario")+"; open it with corecast --project "+msg.path, false)
		return nil
	case msg.op == writing:
		// What was written is what quitting judges "unsaved" against.
		m.ctx.Written(msg.index, msg.sc, msg.path)
		m.say("Wrote "+msg.path, false)
		return nil
	}
	sc := msg.sc
	if sc.Name == "" || sc.Name == model.DefaultScenario().Name {
		sc.Name = strings.TrimSuffix(filepath.Base(msg.path), filepath.Ext(msg.path))
		sc.SetSource("name", model.Source{Kind: model.FromFile, Detail: filepath.Base(msg.path)})
	}
	sc.Name = m.freeName(sc.Name)
	m.say("Opened "+msg.path+" as "+sc.Name, false)
	return added(sc)
}

// Slug turns a scenario name into a file name stem: lower case, letters and
// digits, words joined by hyphens.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "scenario"
	}
	return b.String()
}
