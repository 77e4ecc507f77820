package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"corecast/data"
	"corecast/model"
)

// newTestModel builds the root model without a program around it.
func newTestModel(t *testing.T) *Model {
	t.Helper()
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	m, err := New(in, []model.Scenario{testScenario()}, WithWorkers(2), WithWorkDir("/analysis"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestFirstFrameBeforeRun draws the first frame before any forecast has run.
func TestFirstFrameBeforeRun(t *testing.T) {
	m := newTestModel(t)
	_ = m.Init() // starts the run in a Cmd, which is not executed here
	if v := m.View(); !strings.Contains(v, "Running the first forecast") || !strings.Contains(v, "running") {
		t.Errorf("first frame does not say a forecast is running:\n%s", v)
	}
}

// TestNewRunCancelsRunInFlight starts two runs: the first is cancelled and
// its outcome ignored, the second is kept.
func TestNewRunCancelsRunInFlight(t *testing.T) {
	m := newTestModel(t)
	first := m.runner.start()
	second := m.runner.start()
	msg1 := first().(runDoneMsg)
	if !errors.Is(msg1.Err, context.Canceled) {
		t.Errorf("first run ended with %v, want it cancelled", msg1.Err)
	}
	if m.runner.finished(msg1) {
		t.Error("a superseded run was taken as the latest")
	}
	msg2 := second().(runDoneMsg)
	if msg2.Err != nil || !m.runner.finished(msg2) {
		t.Errorf("latest run: err %v, not taken as the latest", msg2.Err)
	}
}

// TestDebounceKeepsLatestEdit schedules two edits: only the second's timer
// starts a run.
func TestDebounceKeepsLatestEdit(t *testing.T) {
	m := newTestModel(t)
	m.runner.debounce = 0
	a := m.runner.edited()().(debounceMsg)
	b := m.runner.edited()().(debounceMsg)
	if m.runner.due(a) || !m.runner.due(b) {
		t.Errorf("due(first) %v, due(second) %v: want only the second", m.runner.due(a), m.runner.due(b))
	}
}

// TestTinyTerminal draws every screen at sizes far below 80×24 without
// failing and without exceeding the width.
func TestTinyTerminal(t *testing.T) {
	m := newTestModel(t)
	msg := m.runner.start()().(runDoneMsg)
	m.Update(msg)
	for _, size := range [][2]int{{1, 1}, {20, 6}, {40, 12}, {79, 23}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for s := Screen(0); s < numScreens; s++ {
			m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune('1' + s)}})
			if w := lipgloss.Width(m.View()); w > max(size[0], 1) {
				t.Errorf("%v at %dx%d is %d cells wide", s, size[0], size[1], w)
			}
		}
	}
}
