package data

import (
	"bytes"
	"fmt"
	"testing"

	"corecast/model"
)

// BenchmarkLoadWorkbook10k loads a workbook of 10,000 trusts and 10,000
// funding rows (target: under 0.5 s).
func BenchmarkLoadWorkbook10k(b *testing.B) {
	sample, err := Sample()
	if err != nil {
		b.Fatal(err)
	}
	var in model.Inputs
	for i := range 10_000 {
		t := sample.Trusts[i%len(sample.Trusts)]
		t.Code = fmt.Sprintf("T%05d", i)
		in.Trusts = append(in.Trusts, t)
		in.Funding = append(in.Funding, model.Funding{Code: t.Code, Programme: "Fast Follower", Year: 2019, NationalM: 1, LocalM: 1, Status: model.Received})
	}
	var buf bytes.Buffer
	if err := WriteInputsXLSX(&buf, in, nil); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		got, _, err := split3(LoadWorkbookBytes("big.xlsx", buf.Bytes(), nil))
		if err != nil || len(got.Trusts) != 10_000 {
			b.Fatalf("%d trusts, %v", len(got.Trusts), err)
		}
	}
}

// BenchmarkSample generates the embedded sample inputs.
func BenchmarkSample(b *testing.B) {
	for b.Loop() {
		if _, err := Sample(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadSampleWorkbook loads the sample workbook as corecast sample
// writes it (about 220 trusts): the load a typical batch run starts with.
func BenchmarkLoadSampleWorkbook(b *testing.B) {
	sample, err := Sample()
	if err != nil {
		b.Fatal(err)
	}
	book := sampleBook(b)
	b.SetBytes(int64(len(book)))
	b.ReportAllocs()
	for b.Loop() {
		got, _, err := split3(LoadWorkbookBytes("sample.xlsx", book, nil))
		if err != nil || len(got.Trusts) != len(sample.Trusts) {
			b.Fatalf("%d trusts, %v", len(got.Trusts), err)
		}
	}
}
