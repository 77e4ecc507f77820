// Package regions is the Regions screen: total need and the expected number
// of trusts core by the target year, by NHS England region and by trust
// type, each with a bar so that the largest needs stand out.
package regions

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
	"corecast/ui/charts"
	"corecast/ui/common"
)

// Model is the Regions screen.
type Model struct {
	ctx  *common.Context
	w, h int
}

// New returns the Regions screen.
func New(ctx *common.Context) *Model { return &Model{ctx: ctx} }

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// Update does nothing: the screen is drawn from the shared context.
func (m *Model) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Capturing implements common.Component.
func (m *Model) Capturing() bool { return false }

// Nested implements common.Component.
func (m *Model) Nested() bool { return false }

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding { return []key.Binding{m.ctx.Keys.Screens, m.ctx.Keys.Next} }

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return nil }

// View draws the two tables.
func (m *Model) View() string {
	res := m.ctx.Result()
	if res == nil {
		return m.ctx.Styles.Subtle.Render("Waiting for the first forecast…")
	}
	top := 0.0
	for _, g := range append(append([]forecast.GroupResult(nil), res.ByRegion...), res.ByType...) {
		top = max(top, g.TotalNeed.Mean)
	}
	note := m.ctx.Styles.Subtle.Render(fmt.Sprintf("Need: £m real %s, mean and P10–P90. Core: expected trusts core by %s.",
		res.Scenario.BaseYear, res.Scenario.TargetYear))
	return lipgloss.JoinVertical(lipgloss.Left,
		lipgloss.NewStyle().Width(m.w).Render(note),
		"",
		m.table("By region", res.ByRegion, top, res),
		"",
		m.table("By type", res.ByType, top, res),
	)
}

// table writes one group table with a bar of mean total need. Both tables
// share one scale so that their bars compare.
func (m *Model) table(title string, groups []forecast.GroupResult, top float64, res *forecast.Result) string {
	st := m.ctx.Styles
	wide := m.w >= 110
	nameW := 24
	fixed := nameW + 1 + 6 + 1 + 8 + 1 + 12 + 1 + 15
	if wide {
		fixed += 1 + 9 + 1 + 12
	}
	barW := max(m.w-fixed-2, 4)
	head := fmt.Sprintf("%-*s %6s %8s %-12s", nameW, title, "Trusts", "Need £m", " P10–P90")
	if wide {
		head += fmt.Sprintf(" %9s %-12s", "Nat'l £m", " P10–P90")
	}
	head += fmt.Sprintf(" %-*s %15s", barW, "Need (bar)", "Core by "+res.Scenario.TargetYear.String())
	lines := []string{st.TableHeader.Render(head)}
	for _, g := range groups {
		n := g.TotalNeed
		row := fmt.Sprintf("%-*s %6d %8s %-12s", nameW, g.Name, g.Trusts, format.Number(n.Mean), " "+format.Number(n.P10)+"–"+format.Number(n.P90))
		if wide {
			nn := g.NationalNeed
			row += fmt.Sprintf(" %9s %-12s", format.Number(nn.Mean), " "+format.Number(nn.P10)+"–"+format.Number(nn.P90))
		}
		row += " " + charts.Bar(st, n.Mean, top, barW) + " " + fmt.Sprintf("%15s", format.Count(g.CoreByTarget)+" of "+fmt.Sprint(g.Trusts))
		lines = append(lines, row)
	}
	return lipgloss.NewStyle().MaxWidth(m.w).Render(strings.Join(lines, "\n"))
}
