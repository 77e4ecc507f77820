package data

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corecast/model"
)

// fuzzLimits keeps each fuzz input cheap.
// The bounds on sheets, text and formulas are set low, so that the fuzzer
// reaches them.
var fuzzLimits = limits{maxBytes: 1 << 20, maxRows: 2000, maxSheets: 20, maxText: 4000, maxLinks: 200_000, maxGraph: 5_000, maxParts: 30_000}

// hangLimit is how long one fuzz input may take before the fuzzer treats it
// as a hang: loading must never hang.
const hangLimit = 10 * time.Second

// watchdog crashes the fuzz worker, so that the fuzzer saves the input, when
// the input takes longer than hangLimit. Call the returned func when done.
func watchdog() (stop func() bool) {
	return time.AfterFunc(hangLimit, func() { panic(fmt.Sprintf("one input took more than %s", hangLimit)) }).Stop
}

// smallBook is a valid 5-trust workbook taken from the sample.
func smallBook(t testing.TB) []byte {
	in, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	small := model.Inputs{Trusts: in.Trusts[:5]}
	for _, f := range in.Funding {
		if f.IsNational() {
			small.Funding = append(small.Funding, f)
		}
	}
	small.Funding = append(small.Funding, model.Funding{Code: small.Trusts[0].Code, Programme: "Fast Follower", Year: 2019, NationalM: 2, LocalM: 2, Status: model.Received})
	var buf bytes.Buffer
	if err := WriteInputsXLSX(&buf, small, []string{"about"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkLoaded checks what a successful load returned, and that a failed one
// returned problems or an ordinary error without panicking.
func checkLoaded(t *testing.T, in model.Inputs, err error) {
	if err != nil {
		var ps Problems
		if errors.As(err, &ps) && len(ps) == 0 {
			t.Fatal("empty Problems returned as an error")
		}
		return
	}
	if len(in.Trusts) == 0 {
		t.Fatal("load succeeded with no trusts")
	}
	for _, tr := range in.Trusts {
		if tr.Code == "" || tr.Name == "" || !(tr.OpexM > 0) || tr.Maturity < 0 || tr.Maturity > 100 {
			t.Fatalf("invalid trust accepted: %+v", tr)
		}
	}
	for _, f := range in.Funding {
		if f.NationalM < 0 || f.LocalM < 0 {
			t.Fatalf("negative funding accepted: %+v", f)
		}
	}
}

func FuzzLoadXLSX(f *testing.F) {
	good := smallBook(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PK\x03\x04"))
	// Hostile workbooks: a part given twice in two cases, formulas that
	// refer to themselves through another sheet and a name.
	parts := bookParts(f)
	f.Add(zipOf(f, append(parts, part{"XL/Worksheets/Sheet1.xml", parts[0].content})))
	f.Add(fbook{cells: map[string]string{"E2": "=Calc!A1+Rate|1", "B2": `=REPT("ab",3)`}, names: []string{`<definedName name="Rate">Trusts!$E$2</definedName>`},
		calcXML: sheetXMLOf(map[string]string{"A1": "=Trusts!E2|0"})}.build(f))
	f.Fuzz(func(t *testing.T, b []byte) {
		defer watchdog()()
		in, _, err := split3(loadWorkbookBytes("fuzz.xlsx", b, nil, fuzzLimits))
		checkLoaded(t, in, err)
	})
}

func FuzzLoadCSV(f *testing.F) {
	f.Add([]byte(csvTrusts), []byte(csvFunding), []byte("key,value\nseed,3\n"))
	f.Add([]byte(csvTrusts+"\n\"RCC\",x\"y,acute\n"), []byte(csvFunding+",,,,,\n"), []byte(""))
	f.Add([]byte("Trusts 2019-20\nOrg Code,Trust name,Trust type,Region,Opex (£000),DMA score,Previous DMA score\n"+
		"RAA,A,Acute Trust,North East & Yorkshire,\"420,500\",62%,-\nRBB,B,MH,London Region,£180.2m,0.48,n/a\n,Total,,,\"600,700\",,\nSource: DMA\n"),
		[]byte("code,programme,financial year,national (£m),local,status\nRAA,GDE,FY19/20,\"1,234.5\",-,Received\nNATIONAL,,2019-2020,£1.2bn,(12.5),committed\nTotal,,,522,1,\n"),
		[]byte("key,value\nseed,3\nSeed,4\n"))
	f.Add([]byte("code;name;type\nRAA;A;acute\n"), []byte("code,programme\r\r"), []byte("key\tvalue\n"))
	// Codes differing only by invisible characters; a value over the limit.
	f.Add([]byte(csvTrusts+"\ufeffRAA,A,acute,London,1,50\nRBB\u200b,B,acute,London,1,50\n"), []byte(csvFunding+"RAA\u2060,x,2019-20,1,1,received\n"), []byte(""))
	f.Add([]byte(csvTrusts+"RCC,\""+strings.Repeat("n", 4001)+"\",acute,London,1,50\n"), []byte(csvFunding), []byte(""))
	f.Fuzz(func(t *testing.T, trusts, funding, scenario []byte) {
		defer watchdog()()
		tt, err := readCSV("trusts.csv", trusts, fuzzLimits, &noteList{})
		if err != nil {
			return
		}
		ft, err := readCSV("funding.csv", funding, fuzzLimits, &noteList{})
		if err != nil {
			return
		}
		st, err := readCSV("scenario.csv", scenario, fuzzLimits, &noteList{})
		if err != nil {
			return
		}
		in, kv, err := split3(fromTables(map[string]*table{SheetTrusts: tt, SheetFunding: ft, SheetScenario: st}, nil, func(s sheetSchema) Problem { return Problem{File: s.csv, Expected: "is missing"} }, &noteList{}))
		checkLoaded(t, in, err)
		sc := model.DefaultScenario()
		_ = ApplyScenarioSheet(&sc, kv)
	})
}

// FuzzParseMapping fuzzes map files: they are refused or read, in bounded
// time, never with a panic.
func FuzzParseMapping(f *testing.F) {
	f.Add([]byte("[trusts]\nsheet = \"Provider list\"\nopex_m = { column = \"Opex 19/20\", unit = \"£000\" }\nmaturity = \"DMA\"\n[funding]\nnational_m = \"Central\"\n"))
	f.Add([]byte("[trusts]\nopex = 1\n[people]\n"))
	f.Add([]byte("a = [[[[[[1]]]]]]\n"))
	book := smallBook(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		defer watchdog()()
		m, err := ParseMapping("map.toml", b)
		if err != nil {
			if _, ok := err.(Problems); !ok {
				t.Fatalf("error %v is not Problems", err)
			}
			return
		}
		_, _ = LoadWorkbookBytes("book.xlsx", book, m)
	})
}

func FuzzParseScenarioTOML(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteScenarioTOML(&buf, model.DefaultScenario()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(""))
	f.Add([]byte("deploy_years = { dist = \"lognormal\", p10 = 1, p90 = 3 }\n[[correlation]]\na = \"inflation\"\nb = \"optimism_bias\"\nrho = 0.3\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		defer watchdog()()
		sc, err := ParseScenarioTOML("fuzz.toml", b)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteScenarioTOML(&out, sc); err != nil {
			t.Fatal(err)
		}
		back, err := ParseScenarioTOML("again.toml", out.Bytes())
		if err != nil {
			t.Fatalf("a scenario that parsed does not parse after writing: %v\n%s", err, out.String())
		}
		var again bytes.Buffer
		if err := WriteScenarioTOML(&again, back); err != nil {
			t.Fatal(err)
		}
		if again.String() != out.String() {
			t.Fatalf("round trip changed the scenario:\n%s\n---\n%s", out.String(), again.String())
		}
	})
}

// TestWriteFuzzSeeds regenerates the committed seed corpus under
// testdata/fuzz when CORECAST_WRITE_FUZZ_SEEDS is set.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("CORECAST_WRITE_FUZZ_SEEDS") == "" {
		t.Skip("set CORECAST_WRITE_FUZZ_SEEDS=1 to regenerate testdata/fuzz seeds")
	}
	good := smallBook(t)
	noise := make([]byte, 512)
	for i := range noise {
		noise[i] = byte(i*131 + 7)
	}
	var scen bytes.Buffer
	if err := WriteScenarioTOML(&scen, model.DefaultScenario()); err != nil {
		t.Fatal(err)
	}
	seeds := map[string][][]byte{
		"FuzzLoadXLSX/sample5":          {good},
		"FuzzLoadXLSX/truncated":        {good[:len(good)*2/3]},
		"FuzzLoadXLSX/random":           {noise},
		"FuzzLoadXLSX/ole":              {append(append([]byte{}, oleMagic...), noise...)},
		"FuzzLoadCSV/good":              {[]byte(csvTrusts), []byte(csvFunding), []byte("key,value\ncapacity_starts,60\n")},
		"FuzzLoadCSV/random":            {noise[:200], noise[200:400], noise[400:]},
		"FuzzLoadCSV/problems":          {[]byte(csvTrusts + "RAA,x,hospital,Wales,-1,101\n"), []byte(csvFunding + "RZZ,,2019-21,-1,x,maybe\n"), []byte("key,value\nfoo,1\n")},
		"FuzzParseScenarioTOML/default": {scen.Bytes()},
		"FuzzParseScenarioTOML/random":  {noise},
	}
	for name, args := range seeds {
		var b bytes.Buffer
		b.WriteString("go test fuzz v1\n")
		for _, a := range args {
			fmt.Fprintf(&b, "[]byte(%q)\n", a)
		}
		path := filepath.Join("testdata", "fuzz", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
