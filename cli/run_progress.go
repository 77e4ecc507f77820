package cli

import (
	"corecast/internal/safetext"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	"github.com/mattn/go-isatty"
	"github.com/muesli/termenv"
)

// barWidth is the width of the progress bar in cells, its percentage
// (" 100%") included.
const barWidth = 45

// progressBar draws a one-line progress bar on a terminal and does nothing
// on anything else.
type progressBar struct {
	w     io.Writer // nil when not drawing
	bar   progress.Model
	last  time.Time
	shown bool
}

// newProgressBar draws on w only when w is a terminal and not quiet, in the
// colours w's terminal has (none with NO_COLOR).
func newProgressBar(w io.Writer, quiet bool) *progressBar {
	p := &progressBar{}
	// The bar is the program's own drawing: it goes to the terminal
	// underneath the escaping writer, its label escaped by show.
	w = rawWriter(w)
	f, ok := w.(*os.File)
	if quiet || !ok || !(isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
		return p
	}
	p.w = w
	p.bar = progress.New(progress.WithWidth(barWidth), progress.WithColorProfile(termenv.NewOutput(w).EnvColorProfile()))
	return p
}

// show redraws the bar, at most ten times a second, and at the end.
func (p *progressBar) show(label string, done, total int) {
	if p.w == nil || total <= 0 {
		return
	}
	now := time.Now()
	if done < total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\r%s %s", p.bar.ViewAs(float64(done)/float64(total)), safetext.Line(label))
}

// clear erases the bar's line.
func (p *progressBar) clear() {
	if p.w == nil || !p.shown {
		return
	}
	p.shown = false
	fmt.Fprint(p.w, "\r\033[K")
}
