package report

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"testing"
)

// deflateInput is n bytes of worksheet-like XML: compressible, but not
// trivially.
func deflateInput(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	var b []byte
	for i := 0; len(b) < n; i++ {
		b = append(b, `<c r="C`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `" s="18"><v>`...)
		b = strconv.AppendFloat(b, r.Float64()*3000, 'f', -1, 64)
		b = append(b, `</v></c>`...)
	}
	return b[:n]
}

// deflateWith compresses in, written in pieces of the given size, with at
// most pending blocks in flight.
func deflateWith(t *testing.T, in []byte, piece, pending int) []byte {
	t.Helper()
	var out bytes.Buffer
	p := newDeflaters(deflateLevel)
	p.maxPending = pending
	d, _ := p.compressor(&out)
	for p := in; len(p) > 0; {
		k := min(piece, len(p))
		if n, err := d.Write(p[:k]); err != nil || n != k {
			t.Fatalf("Write: %d, %v", n, err)
		}
		p = p[k:]
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestParallelDeflateRoundTrips compresses inputs around the block size
// and reads them back with the standard decompressor: the blocks joined are
// one stream. The bytes do not depend on how many blocks are compressed at
// once, or on how the input was cut into writes.
func TestParallelDeflateRoundTrips(t *testing.T) {
	for _, n := range []int{0, 1, 1000, deflateBlockSize - 1, deflateBlockSize, deflateBlockSize + 1, 3*deflateBlockSize + deflateBlockSize/2} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			in := deflateInput(n)
			z := deflateWith(t, in, 100_000, 8)
			got, err := io.ReadAll(flate.NewReader(bytes.NewReader(z)))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, in) {
				t.Fatalf("read back %d bytes, not the %d written", len(got), len(in))
			}
			if z1 := deflateWith(t, in, 777, 1); !bytes.Equal(z1, z) {
				t.Errorf("one block at a time in small writes: %d bytes, differ from %d", len(z1), len(z))
			}
		})
	}
}

// failAfter accepts n bytes, then fails.
type failAfter struct{ n int }

var errDiskFull = errors.New("disk full")

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errDiskFull
	}
	f.n -= len(p)
	return len(p), nil
}

// TestParallelDeflateFails checks that a failure to write the output is
// returned, by a later Write or by Close, and that Close returns once every
// block has finished.
func TestParallelDeflateFails(t *testing.T) {
	in := deflateInput(5 * deflateBlockSize)
	p := newDeflaters(deflateLevel)
	p.maxPending = 2
	w, _ := p.compressor(&failAfter{n: 1000})
	d := w.(*parallelDeflate)
	_, err := d.Write(in)
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if !errors.Is(err, errDiskFull) {
		t.Errorf("got %v, want the output's error", err)
	}
	if len(d.pending) != 0 {
		t.Errorf("%d blocks still pending after Close", len(d.pending))
	}
	if _, err := d.Write([]byte("x")); err == nil {
		t.Error("Write after Close succeeded")
	}
}
