// Package trusts is the Trusts screen: every trust's figures in a sortable,
// filterable table (bubbles/table), and a detail view of one trust.
package trusts

import (
	"slices"

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
	query   query                   // the filter as last read
	rows    []*forecast.TrustResult // filtered and sorted, in table order
	// cursor indexes rows; offset is the first row shown. The screen
	// scrolls the table itself, handing it only the rows shown, so that
	// the selected row is always on screen and enter opens what is seen.
	cursor, offset int
	// selected is the code of the selected trust, which stays selected
	// when the rows are filtered, sorted or recomputed, as long as it is
	// among them.
	selected string
	detail   *forecast.TrustResult // open detail, or nil
	data     *datanotes.Model      // the Data view
	showing  bool                  // the Data view is open
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
	f.Placeholder = "code or name, region:north west, type:acute"
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
			// While the filter is typed, the first match is selected.
			m.selected, m.cursor = "", 0
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
		m.selected, m.cursor = "", 0 // a new order is read from its top
	case key.Matches(msg, k.Reverse):
		m.desc = !m.desc
		m.selected, m.cursor = "", 0
	case key.Matches(msg, k.Open):
		if m.cursor >= 0 && m.cursor < len(m.rows) {
			m.detail = m.rows[m.cursor]
		}
		return nil
	default:
		if d, ok := m.move(msg); ok {
			m.selectRow(m.cursor + d)
			m.show()
		}
		return nil
	}
	m.rebuild()
	return nil
}

// move returns how far a movement key moves the cursor.
func (m *Model) move(msg tea.KeyMsg) (int, bool) {
	k, page := m.keys, max(m.table.Height(), 1)
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.Top):
		return -len(m.rows), true
	case key.Matches(msg, k.Bottom):
		return len(m.rows), true
	}
	return 0, false
}

// selectRow moves the cursor to row i, within the rows.
func (m *Model) selectRow(i int) {
	m.cursor = max(min(i, len(m.rows)-1), 0)
	m.selected = ""
	if m.cursor < len(m.rows) {
		m.selected = m.rows[m.cursor].Trust.Code
	}
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

	m.query = parseQuery(m.filter.Value())
	m.rows = m.rows[:0]
	for i := range res.ByTrust {
		r := &res.ByTrust[i]
		if m.query.matches(r) {
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
	m.table.SetRows(nil) // columns first, so rows never outnumber them
	m.table.SetColumns(tcols)
	m.table.SetWidth(m.w)
	// Under the filter line, above the footer.
	m.table.SetHeight(max(m.h-1-lipgloss.Height(m.footer()), 3))
	at := slices.IndexFunc(m.rows, func(r *forecast.TrustResult) bool { return r.Trust.Code == m.selected })
	if at < 0 {
		at = m.cursor
	}
	m.selectRow(at)
	m.show()
}

// show scrolls the rows so that the cursor's is shown, and hands the table
// the rows shown, the cursor's marked with a ▸ in its first cell: the
// highlight alone disappears without colour (NO_COLOR).
func (m *Model) show() {
	res := m.ctx.Result()
	if res == nil {
		return
	}
	n := max(m.table.Height(), 1)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+n {
		m.offset = m.cursor - n + 1
	}
	m.offset = max(min(m.offset, len(m.rows)-n), 0)
	shown := m.rows[m.offset:min(m.offset+n, len(m.rows))]
	horizon := res.Scenario.HorizonYear.String()
	rows := make([]table.Row, len(shown))
	for k, r := range shown {
		mark := " "
		if m.offset+k == m.cursor {
			mark = "▸"
		}
		row := table.Row{mark}
		for _, i := range m.shown {
			row = append(row, m.cols[i].cell(r, horizon))
		}
		rows[k] = row
	}
	m.table.SetRows(rows)
	m.table.SetCursor(m.cursor - m.offset)
}
