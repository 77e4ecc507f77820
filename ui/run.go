package ui

import (
	"context"
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"corecast/internal/termquery"
	"corecast/model"
)

// Run opens the program full-screen on the inputs with the given scenarios
// (at least one) and returns when the user quits, or when the context given
// with WithContext is cancelled. Before it returns, background work is
// cancelled and any file being written is finished or removed, so that the
// caller may exit at once.
func Run(inputs model.Inputs, scenarios []model.Scenario, opts ...Option) error {
	// Only the interactive program needs the terminal's background colour
	// (for lipgloss's adaptive colours), so only it asks, and before the
	// program reads the terminal's input.
	termquery.Probe()
	m, err := New(inputs, scenarios, opts...)
	if err != nil {
		return err
	}
	popts := []tea.ProgramOption{tea.WithAltScreen()}
	if parent := m.cfg.parent; parent != nil {
		// The caller's context carries the signals that end the program, so
		// that all of them end it the same way; the program's own handler
		// would turn SIGTERM into a quit that looks like success.
		popts = append(popts, tea.WithContext(parent), tea.WithoutSignalHandler())
	}
	p := tea.NewProgram(m, popts...)
	_, err = p.Run()
	m.stop()
	m.writes.wait()
	if parent := m.cfg.parent; parent != nil && parent.Err() != nil {
		return fmt.Errorf("the terminal program stopped: %w", context.Cause(parent))
	}
	if err != nil {
		if errors.Is(err, tea.ErrProgramKilled) {
			return fmt.Errorf("the terminal program stopped: %w", err)
		}
		return fmt.Errorf("the terminal program stopped (it needs an interactive terminal; for scripts use corecast run --out PATH): %w", err)
	}
	return nil
}
