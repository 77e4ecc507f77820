package ui

import (
	"corecast/internal/safetext"
	"errors"
	"os"
	"path/filepath"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"corecast/forecast"
	"corecast/model"
	"corecast/ui/common"
	"corecast/ui/export"
	"corecast/ui/frontier"
	"corecast/ui/keys"
	"corecast/ui/overview"
	"corecast/ui/regions"
	"corecast/ui/scenario"
	"corecast/ui/sensitivity"
	"corecast/ui/statusbar"
	"corecast/ui/styles"
	"corecast/ui/tabs"
	"corecast/ui/trusts"
)

// Model is the root of the program: it routes keys to the active screen,
// runs forecasts in the background and lays out tabs, screen, help and
// status bar.
type Model struct {
	ctx     *common.Context
	cfg     config
	screens []common.Component // indexed by Screen
	active  Screen
	help    help.Model
	status  *statusbar.Model
	tabs    *tabs.Model
	runner  runner
	writes  *writes
	// shown is the result the screens show, so that a new one can become
	// the Previous that deltas are taken against.
	shown *forecast.Result
	// sources sources each value the user changes.
	sources sources
	// quitting is the question asked on quitting with unsaved scenarios.
	quitting quitting
	// watch tells of saves to the input and scenario files (--watch); nil
	// when not watching.
	watch *watcher
	// loadSeq numbers readings of the inputs, so that only the latest is
	// used.
	loadSeq int
	// notice says what the latest reading of a file did, on the line above
	// the help.
	notice string
	// opening is the O prompt, for another workbook or CSV directory.
	opening opening
}

// New builds the program's root model. It does no work until Init, so the
// first frame appears at once and the first forecast follows.
func New(inputs model.Inputs, scenarios []model.Scenario, opts ...Option) (*Model, error) {
	if len(scenarios) == 0 {
		return nil, errors.New("no scenario to show")
	}
	for _, sc := range scenarios {
		if err := sc.Validate(); err != nil {
			return nil, err
		}
	}
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.workDir == "" {
		if wd, err := os.Getwd(); err == nil {
			cfg.workDir = wd
		}
	}
	files := defaultFiles(cfg, inputs)
	if cfg.files != nil {
		files = *cfg.files
	}
	writes := newWrites()
	files = writes.track(files)
	ctx := &common.Context{
		Styles: styles.New(),
		Keys:   keys.New(int(numScreens)),
		// Text from the inputs is made safe to draw once, here (visible.go).
		Inputs:        visibleInputs(inputs),
		InputName:     safetext.Line(inputName(cfg.inputPath)),
		ImportNotes:   visibleLines(cfg.importNotes),
		Scenarios:     visibleScenarios(scenarios),
		Results:       make([]*forecast.Result, len(scenarios)),
		RunErrs:       make([]error, len(scenarios)),
		FormatElapsed: cfg.formatElapsed,
		Files:         files,
		WorkDir:       cfg.workDir,
		Workers:       cfg.workers,
		Width:         80,
		Height:        24,
	}
	ctx.LoadAll()
	// Without a reader of inputs there is nothing for O to open with.
	ctx.Keys.Open.SetEnabled(cfg.loadInput != nil)
	m := &Model{ctx: ctx, cfg: cfg, active: cfg.start, help: help.New(), writes: writes}
	m.screens = newScreens(ctx)
	m.status = statusbar.New(ctx)
	titles := make([]string, numScreens)
	for s := Screen(0); s < numScreens; s++ {
		titles[s] = s.String()
	}
	m.tabs = tabs.New(ctx, titles)
	m.runner = newRunner(ctx, cfg)
	m.sources.note(ctx.Scenarios)
	m.opening = newOpening()
	m.startWatch()
	m.layout()
	return m, nil
}

// newScreens builds one component per Screen, in Screen order.
func newScreens(ctx *common.Context) []common.Component {
	s := make([]common.Component, numScreens)
	s[OverviewScreen] = overview.New(ctx)
	s[ScenarioScreen] = scenario.New(ctx)
	s[TrustsScreen] = trusts.New(ctx)
	s[RegionsScreen] = regions.New(ctx)
	s[SensitivityScreen] = sensitivity.New(ctx)
	s[FrontierScreen] = frontier.New(ctx)
	s[ExportScreen] = export.New(ctx)
	return s
}

// Init starts the first forecast and tells the first screen it is shown.
func (m *Model) Init() tea.Cmd {
	_, focus := m.screens[m.active].Update(common.FocusMsg{Active: true})
	var watch tea.Cmd
	if m.watch != nil {
		watch = m.watch.next()
	}
	return tea.Batch(m.runner.start(), focus, watch)
}

// layout gives each screen the space between the tab bar and the help and
// status lines.
func (m *Model) layout() {
	w, h := m.ctx.Width, m.ctx.Height
	m.help.Width = w
	body := h - 2 - lipgloss.Height(m.helpView()) - m.noticeHeight()
	for _, s := range m.screens {
		s.SetSize(w, max(body, 1))
	}
}

func (m *Model) helpView() string {
	if m.quitting.asking {
		return m.quitView()
	}
	if m.opening.active {
		return m.openView()
	}
	child := m.screens[m.active]
	return m.help.View(keys.Merged{Screen: child, Global: m.ctx.Keys, Typing: child.Capturing()})
}

// View lays out the tab bar, the active screen, help and the status bar.
func (m *Model) View() string {
	w, h := m.ctx.Width, m.ctx.Height
	helpView := m.helpView()
	body := max(h-2-lipgloss.Height(helpView)-m.noticeHeight(), 1)
	screen := lipgloss.NewStyle().Width(w).Height(body).MaxHeight(body).MaxWidth(w).
		Render(m.screens[m.active].View())
	parts := []string{m.tabs.View(int(m.active)), screen}
	if m.notice != "" {
		parts = append(parts, m.noticeView())
	}
	return lipgloss.JoinVertical(lipgloss.Left, append(parts,
		lipgloss.NewStyle().MaxWidth(w).Render(helpView),
		m.status.View(),
	)...)
}

// noticeView draws the notice on one line, cut to the width: the screens
// keep their room, and the Data view has the whole of it.
func (m *Model) noticeView() string {
	return m.ctx.Styles.Warn.Render(ansi.Truncate(m.notice, max(m.ctx.Width, 20), "…"))
}

// noticeHeight is the lines the notice takes.
func (m *Model) noticeHeight() int {
	if m.notice == "" {
		return 0
	}
	return 1
}

// inputName names the inputs as the Data view shows them.
func inputName(path string) string {
	if path == "" {
		return "embedded sample"
	}
	return filepath.Base(path)
}
