// Package trusts is the Trusts screen: every trust's figures in a sortable,
// filterable table (bubbles/table), and a detail view of one trust.
package trusts

import (
	"corecast/format"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/table"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/ui/common"
	"corecast/ui/datanotes"
)

// Model is the Trusts screen.
type Model struct {
	ctx    *common.Context
	keys   keyMap
	table  table.Model
	filter common.Input
	w, h   int

	cols    []column // all columns
	shown   []int    // indices into cols shown at this width
	sortCol int      // index into cols
	desc    bool
	rows    []*forecast.TrustResult // filtered and sorted, in table order
	detail  *forecast.TrustResult   // open detail, or nil
	data    *datanotes.Model        // the Data view
	showing bool                    // the Data view is open
}

// New returns the Trusts screen, sorted by mean cost, largest first.
func New(ctx *common.Context) *Model {
	st := ctx.Styles
	t := table.New(table.WithFocused(true))
	t.SetStyles(table.Styles{
		Header:   st.TableHeader.PaddingRight(1),
		Cell:     st.TableCell.PaddingRight(1),
		Selected: st.TableSelected,
	})
	f := common.NewInput()
	f.Prompt = "/"
	f.Placeholder = "code, name, type or region"
	m := &Model{ctx: ctx, keys: newKeys(), table: t, filter: f, cols: columns(), desc: true, data: datanotes.New(ctx)}
	m.sortCol = slices.IndexFunc(m.cols, func(c column) bool { return c.title == "Cost £m" })
	return m
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.data.SetSize(w, h)
	m.rebuild()
}

// Capturing implements common.Component: true while the filter is typed.
func (m *Model) Capturing() bool { return m.filter.Focused() }

// Nested implements common.Component: the detail view and an applied
// filter are closed by esc.
func (m *Model) Nested() bool { return m.showing || m.detail != nil || m.filter.Value() != "" }

// Update handles the table keys, the filter and the detail view.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultShownMsg:
		m.refreshDetail()
		m.rebuild()
		return m, nil
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if m.filter.Focused() {
		switch {
		case key.Matches(msg, k.Clear):
			m.filter.SetValue("")
			m.filter.Blur()
		case key.Matches(msg, k.Accept):
			m.filter.Blur()
		default:
			var cmd tea.Cmd
			m.filter, cmd = m.filter.Update(msg)
			m.rebuild()
			m.table.SetCursor(0)
			m.rebuild()
			return cmd
		}
		m.rebuild()
		return nil
	}
	if m.showing {
		if key.Matches(msg, k.Clear) || key.Matches(msg, k.Data) {
			m.showing = false
			return nil
		}
		_, cmd := m.data.Update(msg)
		return cmd
	}
	if m.detail != nil {
		if key.Matches(msg, k.Clear) {
			m.detail = nil
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Clear):
		m.filter.SetValue("")
	case key.Matches(msg, k.Filter):
		m.filter.Offer(m.filter.Value()) // the first key typed replaces the filter applied
		m.filter.Focus()
	case key.Matches(msg, k.Data):
		m.showing = true
		return nil
	case key.Matches(msg, k.Sort):
		m.sortCol = m.nextSortable()
		m.desc = m.cols[m.sortCol].title != "Code" && m.cols[m.sortCol].title != "Name"
	case key.Matches(msg, k.Reverse):
		m.desc = !m.desc
	case key.Matches(msg, k.Open):
		if c := m.table.Cursor(); c >= 0 && c < len(m.rows) {
			m.detail = m.rows[c]
		}
		return nil
	default:
		var cmd tea.Cmd
		m.table, cmd = m.table.Update(msg)
		m.mark()
		return cmd
	}
	m.rebuild()
	return nil
}

// nextSortable returns the next column shown at this width after the sort column.
func (m *Model) nextSortable() int {
	if len(m.shown) == 0 {
		return m.sortCol // no result yet, so no columns shown
	}
	at := slices.Index(m.shown, m.sortCol)
	return m.shown[(at+1)%len(m.shown)]
}

// refreshDetail points an open detail view at the new result's trust.
func (m *Model) refreshDetail() {
	res := m.ctx.Result()
	if m.detail == nil || res == nil {
		return
	}
	for i := range res.ByTrust {
		if res.ByTrust[i].Trust.Code == m.detail.Trust.Code {
			m.detail = &res.ByTrust[i]
			return
		}
	}
	m.detail = nil
}

// rebuild recomputes shown columns, filtered and sorted rows and the table.
func (m *Model) rebuild() {
	res := m.ctx.Result()
	if res == nil || m.w == 0 {
		return
	}
	m.shown = m.shown[:0]
	used := 2 // the cursor marker column
	for i, c := range m.cols {
		if m.w >= c.minWidth {
			m.shown = append(m.shown, i)
			used += c.width + 1
		}
	}
	if !slices.Contains(m.shown, m.sortCol) {
		m.sortCol = m.shown[0]
	}
	spare := max(m.w-used-1, 0)
	tcols := []table.Column{{Title: "", Width: 1}}
	for _, i := range m.shown {
		c := m.cols[i]
		title, w := c.title, c.width
		if c.flex {
			w += spare
		}
		if i == m.sortCol {
			title += map[bool]string{true: "▼", false: "▲"}[m.desc]
		}
		tcols = append(tcols, table.Column{Title: title, Width: w})
	}

	q := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	m.rows = m.rows[:0]
	for i := range res.ByTrust {
		r := &res.ByTrust[i]
		if q == "" || matches(r, q) {
			m.rows = append(m.rows, r)
		}
	}
	less := m.cols[m.sortCol].less
	slices.SortStableFunc(m.rows, func(a, b *forecast.TrustResult) int {
		if m.desc {
			return less(b, a)
		}
		return less(a, b)
	})
	horizon := res.Scenario.HorizonYear.String()
	rows := make([]table.Row, len(m.rows))
	for k, r := range m.rows {
		row := table.Row{" "}
		for _, i := range m.shown {
			row = append(row, m.cols[i].cell(r, horizon))
		}
		rows[k] = row
	}
	cur := m.table.Cursor()
	m.table.SetRows(nil) // columns first, so rows never outnumber them
	m.table.SetColumns(tcols)
	m.table.SetRows(rows)
	m.table.SetWidth(m.w)
	m.table.SetHeight(max(m.h-2, 3))
	m.table.SetCursor(max(min(cur, len(rows)-1), 0))
	m.mark()
}

// mark puts a ▸ in the cursor row's first cell: the highlight alone
// disappears without colour (NO_COLOR).
func (m *Model) mark() {
	rows := m.table.Rows()
	c := m.table.Cursor()
	changed := false
	for i, r := range rows {
		want := " "
		if i == c {
			want = "▸"
		}
		if r[0] != want {
			r[0] = want
			changed = true
		}
	}
	if changed {
		m.table.SetRows(rows)
	}
}

// matches reports whether a trust's code, name, type or region contains q.
func matches(r *forecast.TrustResult, q string) bool {
	t := r.Trust
	for _, s := range []string{t.Code, t.Name, t.Type.String(), t.Region.String()} {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

// View draws the table with its filter line, or the detail view.
func (m *Model) View() string {
	res := m.ctx.Result()
	st := m.ctx.Styles
	if m.showing {
		return m.data.View()
	}
	if res == nil {
		return st.Subtle.Render("Waiting for the first forecast…")
	}
	if m.detail != nil {
		return detailView(m.ctx, res, m.detail, m.w, m.h)
	}
	var top string
	switch {
	case m.filter.Focused():
		top = m.filter.View()
	case m.filter.Value() != "":
		top = st.Subtle.Render("filter: ") + m.filter.Value() + st.Subtle.Render("  (/ to change, esc to clear)")
	default:
		top = st.Title.Render("Trusts") + st.Subtle.Render(" · £m real "+res.Scenario.BaseYear.String()+" · P(core) by "+res.Scenario.TargetYear.String()+" · Core by: median year")
	}
	countText := itoa(len(m.rows)) + " of " + itoa(len(res.ByTrust)) + " trusts"
	if n := len(m.ctx.ImportNotes); n > 0 {
		countText += " · " + format.Nouns(n, "import note") + ": n shows them"
	}
	count := st.Subtle.Render(countText)
	return lipgloss.JoinVertical(lipgloss.Left,
		lipgloss.NewStyle().MaxWidth(m.w).Render(top),
		m.table.View(),
		count)
}
