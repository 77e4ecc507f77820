// Package export is the Export screen: choose a format and a path (a default
// name is offered), write the results in the background with a progress bar,
// and confirm the path written. An existing file is replaced only after the
// user answers y.
package export

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/ui/common"
	"corecast/ui/scenario"
)

// state is what the screen is doing.
type state int

const (
	idle       state = iota
	editing          // the path is being typed
	confirming       // overwrite? y/n
	writing          // an export is in flight
)

// Model is the Export screen.
type Model struct {
	ctx    *common.Context
	keys   keyMap
	state  state
	format int // index into ctx.Files.ExportFormats
	path   common.Input
	// custom is set once the user has typed a path, so that changing format
	// or scenario no longer replaces it with the default name.
	custom bool
	before string // the path before editing, for esc
	bar    progress.Model
	// job writes the export off the update loop, through common.Job: the
	// latest write's outcome only, cancellable, a panic in it an error.
	job     common.Job[string]
	ticks   int // generation of the redraw ticks, so one runs at a time
	note    string
	noteBad bool
	w, h    int
}

// tickMsg redraws the progress bar while an export is in flight.
type tickMsg struct{ id int }

// New returns the Export screen.
func New(ctx *common.Context) *Model {
	in := common.NewInput()
	in.CharLimit = 1024
	bar := progress.New(progress.WithDefaultGradient(), progress.WithoutPercentage())
	m := &Model{ctx: ctx, keys: newKeys(), path: in, bar: bar}
	m.path.SetValue(m.defaultPath())
	return m
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.path.Width = max(w-14, 10)
	m.bar.Width = max(min(w-14, 50), 10)
}

// Capturing implements common.Component: the path field takes every key,
// and so does the overwrite question.
func (m *Model) Capturing() bool { return m.state == editing || m.state == confirming }

// Nested implements common.Component.
func (m *Model) Nested() bool { return m.state != idle }

// formats returns the formats offered.
func (m *Model) formats() []string { return m.ctx.Files.ExportFormats }

// defaultPath names the export after the scenario, in the working directory.
func (m *Model) defaultPath() string {
	fs := m.formats()
	if len(fs) == 0 {
		return ""
	}
	ext := fs[m.format]
	if ext == "csv" {
		ext = "zip" // CSV export writes one file per table, zipped
	}
	return "corecast-" + scenario.Slug(m.ctx.Scenario().Name) + "." + ext
}

// Update handles keys and the export's progress and outcome.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ScenarioSwitchedMsg, common.ResultShownMsg:
		if !m.custom && m.state == idle {
			m.path.SetValue(m.defaultPath())
		}
	case tickMsg:
		if msg.id == m.ticks && m.state == writing {
			return m, tick(m.ticks)
		}
	case common.JobDone[string]:
		return m, m.done(msg)
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch m.state {
	case editing:
		switch {
		case key.Matches(msg, k.Done):
			m.state = idle
			m.path.Blur()
			m.custom = m.path.Value() != m.defaultPath()
			return nil
		case key.Matches(msg, k.Cancel):
			m.state = idle
			m.path.Blur()
			m.path.SetValue(m.before)
			return nil
		}
		var cmd tea.Cmd
		m.path, cmd = m.path.Update(msg)
		return cmd
	case confirming:
		switch {
		case key.Matches(msg, k.Yes):
			return m.start(true)
		case key.Matches(msg, k.No):
			m.state = idle
			m.say("Nothing written: the existing file is kept. Choose another path with e.", false)
		}
		return nil
	case writing:
		if key.Matches(msg, k.Cancel) && m.job.Running() {
			m.job.Cancel()
			m.say("Cancelling…", false)
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Write):
		return m.check()
	case key.Matches(msg, k.EditPath):
		m.state = editing
		m.before = m.path.Value()
		m.path.Offer(m.before) // the first key typed replaces the path offered
		return m.path.Focus()
	case key.Matches(msg, k.Format):
		if n := len(m.formats()); n > 0 {
			d := 1
			if s := msg.String(); s == "left" || s == "h" {
				d = n - 1
			}
			m.format = (m.format + d) % n
			if !m.custom {
				m.path.SetValue(m.defaultPath())
			} else {
				m.path.SetValue(withExt(m.path.Value(), m.formats()[m.format]))
			}
		}
	}
	return nil
}

// check asks before replacing an existing file, or starts the export.
func (m *Model) check() tea.Cmd {
	files := m.ctx.Files
	path := m.ctx.Resolve(strings.TrimSpace(m.path.Value()))
	switch {
	case files.Export == nil || len(m.formats()) == 0:
		m.say("Export is not available in this build.", true)
		return nil
	case path == "":
		m.say("Type a path first (e).", true)
		return nil
	case m.ctx.Running:
		m.say("A forecast is still running: export when it has finished.", true)
		return nil
	case m.ctx.Result() == nil:
		m.say("There is no result to export yet.", true)
		return nil
	}
	if files.CheckExport != nil {
		err := files.CheckExport(path, m.formats()[m.format])
		if errors.Is(err, fs.ErrExist) {
			m.state = confirming
			m.say("Overwrite? y/n — "+path+" already exists", true)
			return nil
		}
		if err != nil {
			m.say(err.Error(), true)
			return nil
		}
	}
	return m.start(false)
}

// start writes the export in a Cmd, off the update loop.
func (m *Model) start(overwrite bool) tea.Cmd {
	path := m.ctx.Resolve(strings.TrimSpace(m.path.Value()))
	m.state = writing
	m.ticks++
	m.say("Writing "+path+"…", false)
	req := common.ExportRequest{
		Path: path, Format: m.formats()[m.format], Overwrite: overwrite,
		Inputs: m.ctx.Inputs, Results: m.results(),
	}
	for _, r := range req.Results {
		req.Analyses = append(req.Analyses, m.ctx.AnalysesOf(r))
	}
	export := m.ctx.Files.Export
	run := m.job.Start(func(ctx context.Context, progress func(done, total int)) (string, error) {
		req.Progress = progress
		return path, export(ctx, req)
	})
	return tea.Batch(run, tick(m.ticks))
}

// results lists the results to export: the current scenario's, then every
// other scenario that has one, for the comparison.
func (m *Model) results() []*forecast.Result {
	out := []*forecast.Result{m.ctx.Result()}
	for i, r := range m.ctx.Results {
		if i != m.ctx.Current && r != nil {
			out = append(out, r)
		}
	}
	return out
}

// done reports the outcome of an export.
func (m *Model) done(msg common.JobDone[string]) tea.Cmd {
	if !m.job.Done(msg) {
		return nil
	}
	m.state = idle
	switch {
	case errors.Is(msg.Err, context.Canceled):
		m.say("Export cancelled: nothing was written.", true)
	case msg.Err != nil:
		m.say("Export failed: "+msg.Err.Error(), true)
	default:
		m.say("Wrote "+msg.Value, false)
	}
	return nil
}

func (m *Model) say(text string, bad bool) { m.note, m.noteBad = text, bad }

// tick schedules a redraw of the progress bar.
func tick(id int) tea.Cmd {
	return tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return tickMsg{id: id} })
}

// withExt replaces a path's extension with the format's.
func withExt(path, format string) string {
	if format == "csv" {
		format = "zip"
	}
	return strings.TrimSuffix(path, filepath.Ext(path)) + "." + format
}
