// Package scenario is the Scenario screen: every input of the current
// scenario, editable in place with immediate validation, and the scenarios
// themselves — switch, create, duplicate, rename, open and write TOML —
// with two analyses of DESIGN §7: the comparison of every scenario with the
// current one (package compare) and the calibration of the cost model to
// past funding, which adds a "Calibrated" scenario (package calibration).
//
// A value changes only in edit mode (enter opens it): a valid edit changes
// the shared scenario at once and tells the root, which recomputes after a
// short debounce; an invalid one is shown with the reason and left out of
// the scenario until it is fixed. esc takes the edit back; each committed
// edit is one step of the scenario's history (common.History), with every
// other change to it — applied answers, resets, correlations, the
// calibration — and can be undone (u) and redone (ctrl+r); values that
// differ from the scenario as loaded are marked, d resets one to its value
// as loaded and D to the program's default.
package scenario

import (
	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/model"
	"corecast/ui/calibration"
	"corecast/ui/common"
	"corecast/ui/compare"
)

// mode is what the screen is doing with the keyboard.
type mode int

const (
	browse      mode = iota
	editText         // one value in a text field
	editChoice       // one of a fixed set of choices, stepped with ←/→
	editDist         // a distribution: kind and parameter fields
	askPath          // a file path for open or write
	confirm          // overwrite a file? y/n
	viewing          // a sub-view is shown: the comparison or the calibration
	correlating      // the correlation matrix is shown
)

// Model is the Scenario screen.
type Model struct {
	ctx    *common.Context
	keys   keyMap
	fields []field
	cursor int
	offset int // first list row shown
	w, h   int

	mode mode
	// Editing state: inputs are the text fields (one for a value, one per
	// parameter for a distribution), focus the one being typed in (-1 is the
	// kind selector), before the scenario as it was when editing began, for
	// esc; problem is the validation message of what is typed.
	inputs  []common.Input
	params  []string
	focus   int
	before  model.Scenario
	dirty   bool // an edit has been applied since editing began
	problem string
	// draft is the distribution being edited: its kind and the parameters as
	// last typed, applied to the scenario whenever they make it valid.
	draft model.Distribution

	// corr is the correlation editor's state.
	corr corrState

	file fileState

	// The sub-views, and the one shown in viewing mode.
	compare *compare.Model
	calib   *calibration.Model
	sub     common.Component
	// fit fits the cost model to past funding in the background, starting
	// from fitFrom, which the scenario it adds starts as (see calibrated).
	fit     common.Job[*forecast.Calibration]
	fitFrom model.Scenario

	// note reports the outcome of the last file or scenario action; noteSeq
	// is the history's Seq when it was set, for dropping it once a change
	// made on another screen has made it stale.
	note    string
	noteBad bool
	noteSeq int
}

// New returns the Scenario screen.
func New(ctx *common.Context) *Model {
	return &Model{ctx: ctx, keys: newKeys(), fields: fields(), compare: compare.New(ctx), calib: calibration.New(ctx)}
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.compare.SetSize(w, h)
	m.calib.SetSize(w, h)
	m.scroll()
}

// Capturing implements common.Component: text fields take every key.
func (m *Model) Capturing() bool {
	switch m.mode {
	case editText, editChoice, editDist, askPath, confirm:
		return true
	case correlating:
		return m.corr.typing
	case viewing:
		return m.sub.Capturing()
	}
	return false
}

// Nested implements common.Component.
func (m *Model) Nested() bool { return m.mode != browse }

// Update routes keys by mode and takes the results of file work.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch m.mode {
		case editText, editChoice, editDist:
			return m, m.editKey(msg)
		case askPath, confirm:
			return m, m.fileKey(msg)
		case viewing:
			return m, m.subKey(msg)
		case correlating:
			return m, m.corrKey(msg)
		}
		return m, m.browseKey(msg)
	case fileDoneMsg:
		return m, m.fileDone(msg)
	case common.JobDone[*forecast.Calibration]:
		return m, m.calibrated(msg)
	case common.ScenarioSwitchedMsg:
		m.cancelEdit()
	case common.FocusMsg:
		if msg.Active && m.noteSeq != m.ctx.History.Seq() {
			m.say("", false) // "Changed x; u undoes it" may be undone by now
		}
	case common.StopMsg:
		m.fit.Cancel()
	}
	// The comparison's runs, spinner and stop belong to it even while closed.
	_, cmd := m.compare.Update(msg)
	return m, cmd
}

// newInput returns a text field styled for the screen, offering value: as
// in a spreadsheet, the first key typed replaces it.
func (m *Model) newInput(value string, width int) common.Input {
	t := common.NewInput()
	t.Offer(value)
	t.CharLimit = 256
	t.Width = width
	t.Cursor.Style = m.ctx.Styles.Key
	return t
}

// listHeight is the number of field rows the list shows.
func (m *Model) listHeight() int { return max(m.h-6, 3) }

// scroll keeps the cursor row within the shown rows.
func (m *Model) scroll() {
	n := m.listHeight()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+n {
		m.offset = m.cursor - n + 1
	}
	m.offset = max(0, min(m.offset, len(m.fields)-n))
}

// say sets the note line.
func (m *Model) say(text string, bad bool) {
	m.note, m.noteBad, m.noteSeq = text, bad, m.ctx.History.Seq()
}
