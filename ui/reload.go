package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"corecast/format"
	"corecast/internal/safetext"
	"corecast/model"
	"corecast/ui/common"
)

// inputLoadedMsg carries a reading of the inputs, started by a save the
// watch saw or by O.
type inputLoadedMsg struct {
	seq    int
	path   string
	opened bool // by O: another input, rather than the same one saved
	dir    bool // path is a directory (of CSV files)
	loaded Loaded
	err    error
}

// scenarioReadMsg carries a scenario file read again after a save.
type scenarioReadMsg struct {
	index int
	path  string
	sc    model.Scenario
	err   error
}

// startWatch watches the input (its file, or every file of a CSV
// directory), the map file and the scenario files, when asked to. It runs
// before the program starts, so that a save made as it opens is seen.
func (m *Model) startWatch() {
	if !m.cfg.watch {
		return
	}
	w, err := newWatcher(m.cfg.watchDelay)
	if err != nil {
		m.notice = "Cannot watch the files for saves: " + err.Error()
		return
	}
	m.watch = w
	dir := false
	if st, err := os.Stat(m.cfg.inputPath); err == nil && st.IsDir() {
		dir = true
	}
	m.rewatch(dir)
}

// rewatch points the watch at the current input, map and scenario files.
func (m *Model) rewatch(inputIsDir bool) {
	if m.watch == nil {
		return
	}
	files := append([]string{m.cfg.mapPath}, m.cfg.scenarioSources...)
	var dirs []string
	if inputIsDir {
		dirs = append(dirs, m.cfg.inputPath)
	} else {
		files = append(files, m.cfg.inputPath)
	}
	if err := m.watch.watch(files, dirs); err != nil {
		m.notice = "Cannot watch the files for saves: " + err.Error()
	}
}

// saved reads again each watched file saved: the input (or the map it is
// read with), and each scenario file, and waits for the next saves.
func (m *Model) saved(msg filesSavedMsg) tea.Cmd {
	cmds := []tea.Cmd{m.watch.next()}
	if msg.err != nil {
		m.setNotice("Watching the files for saves: " + msg.err.Error())
	}
	input := false
	for _, p := range msg.paths {
		if p == absClean(m.cfg.inputPath) || p == absClean(m.cfg.mapPath) {
			input = true
		}
		for i, s := range m.cfg.scenarioSources {
			if s != "" && p == absClean(s) && i < len(m.ctx.Scenarios) {
				cmds = append(cmds, m.readScenario(i, s))
			}
		}
	}
	if input {
		cmds = append(cmds, m.readInput(m.cfg.inputPath, false))
	}
	return tea.Batch(cmds...)
}

// readInput reads the inputs at path off the update loop. A later reading
// supersedes one in flight.
func (m *Model) readInput(path string, opened bool) tea.Cmd {
	load := m.cfg.loadInput
	if load == nil {
		return nil
	}
	m.loadSeq++
	seq := m.loadSeq
	return func() tea.Msg {
		l, err := load(path)
		st, serr := os.Stat(path)
		return inputLoadedMsg{seq: seq, path: path, opened: opened, dir: serr == nil && st.IsDir(), loaded: l, err: err}
	}
}

// readScenario reads scenario file path, the source of scenario i, off
// the update loop.
func (m *Model) readScenario(i int, path string) tea.Cmd {
	load := m.ctx.Files.LoadScenario
	if load == nil {
		return nil
	}
	return func() tea.Msg {
		sc, err := load(path)
		return scenarioReadMsg{index: i, path: path, sc: sc, err: err}
	}
}

// inputLoaded uses a reading of the inputs that succeeded: every scenario
// is recomputed on it (the current one at once, each other when next
// shown), and what changed is said. A reading with problems leaves the
// inputs as they were and says why.
func (m *Model) inputLoaded(msg inputLoadedMsg) tea.Cmd {
	if msg.seq != m.loadSeq {
		return nil // a later reading is on its way
	}
	m.opening.loading = false
	name := safetext.Line(filepath.Base(msg.path))
	if msg.err != nil {
		m.ctx.InputProblems = visibleLines(problemLines(msg.err))
		what := "as saved is not used"
		if msg.opened {
			what = "is not opened"
		}
		// The file is named already; the first problem follows without it,
		// first, so that a narrow terminal shows it.
		first := strings.TrimPrefix(m.ctx.InputProblems[0], safetext.Line(msg.path)+": ")
		m.setNotice(fmt.Sprintf("%s %s (%s; n on Trusts lists them): %s",
			name, what, format.Nouns(len(m.ctx.InputProblems), "problem"), first))
		return nil
	}
	in := visibleInputs(msg.loaded.Inputs)
	diff := diffInputs(m.ctx.Inputs, in)
	same := reflect.DeepEqual(in, m.ctx.Inputs)
	if msg.opened && m.cfg.inputPath != "" && m.cfg.inputPath != msg.path {
		// The input read before is still one this session read: nothing
		// written may replace it.
		m.cfg.earlierInputs = append(m.cfg.earlierInputs, m.cfg.inputPath)
	}
	m.cfg.inputPath, m.cfg.inputDigest = msg.path, msg.loaded.Digest
	m.cfg.importNotes = msg.loaded.Notes
	m.ctx.InputName = safetext.Line(inputName(msg.path))
	m.ctx.ImportNotes = visibleLines(msg.loaded.Notes)
	m.ctx.InputProblems = nil
	if m.cfg.files == nil {
		m.ctx.Files = m.writes.track(defaultFiles(m.cfg, msg.loaded.Inputs))
	}
	if msg.opened {
		m.rewatch(msg.dir)
	}
	verb := "saved"
	if msg.opened {
		verb = "opened"
	}
	if same {
		m.setNotice(fmt.Sprintf("%s %s: %s.", name, verb, diff.summary()))
		return nil
	}
	m.ctx.InputChanges = diff.lines()
	m.ctx.Inputs = in
	for i := range m.ctx.Results {
		m.ctx.Results[i], m.ctx.RunErrs[i] = nil, nil
	}
	m.setNotice(fmt.Sprintf("%s %s: %s; recomputed.", name, verb, diff.summary()))
	return m.startRun()
}

// scenarioRead replaces a scenario by its file as saved, unless it has
// changes made here that are not saved, which are never silently lost:
// then it says so and keeps them.
func (m *Model) scenarioRead(msg scenarioReadMsg) tea.Cmd {
	name := safetext.Line(filepath.Base(msg.path))
	i := msg.index
	if msg.err != nil {
		ps := problemLines(msg.err)
		m.setNotice(fmt.Sprintf("%s as saved is not used: %s", name, safetext.Line(ps[0])))
		return nil
	}
	sc := visibleScenarios([]model.Scenario{msg.sc})[0]
	cur := m.ctx.Scenarios[i]
	if slices.Contains(m.ctx.Unsaved(), i) {
		m.setNotice(fmt.Sprintf("%s was saved, but %s has changes here that are not saved: they are kept and the file is not read (w writes them to another file; undo them, then save the file again, to take it).", name, cur.Name))
		return nil
	}
	if reflect.DeepEqual(sc, cur) {
		return nil
	}
	m.ctx.Reload(i, sc)
	m.sources.reload(i, sc)
	m.setNotice(fmt.Sprintf("%s saved: scenario %s read again.", name, sc.Name))
	if i != m.ctx.Current {
		return nil // its figures are computed when it is next shown
	}
	return tea.Batch(m.broadcast(common.ScenarioSwitchedMsg{}), m.startRun())
}

// problemLines splits an error listing problems, one a line.
func problemLines(err error) []string {
	var out []string
	for _, l := range strings.Split(err.Error(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		out = []string{"it could not be read"}
	}
	return out
}

// setNotice shows text on the line above the help until the next notice.
func (m *Model) setNotice(text string) {
	m.notice = text
	m.layout()
}
