package ui

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"corecast/model"
)

// Run opens the program full-screen on the inputs with the given scenarios
// (at least one) and returns when the user quits.
func Run(inputs model.Inputs, scenarios []model.Scenario, opts ...Option) error {
	m, err := New(inputs, scenarios, opts...)
	if err != nil {
		return err
	}
	popts := []tea.ProgramOption{tea.WithAltScreen()}
	if m.cfg.parent != nil {
		popts = append(popts, tea.WithContext(m.cfg.parent))
	}
	p := tea.NewProgram(m, popts...)
	final, err := p.Run()
	if fm, ok := final.(*Model); ok {
		fm.stop()
	}
	if err != nil {
		if errors.Is(err, tea.ErrProgramKilled) {
			return fmt.Errorf("the terminal program stopped: %w", err)
		}
		return fmt.Errorf("the terminal program stopped (it needs an interactive terminal; for scripts use corecast run --out PATH): %w", err)
	}
	return nil
}
