package data

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
)

// Digest identifies the bytes a load read: the SHA-256 of the file as it was
// read, never of the path read again afterwards, which may by then hold
// something else.
type Digest struct {
	// SHA256 is the hex SHA-256.
	SHA256 string
	// Note says what was hashed when it is not simply the file: for a CSV
	// directory, which files, in what form.
	Note string
}

// digestBytes is the Digest of a file read whole.
func digestBytes(b []byte) Digest {
	sum := sha256.Sum256(b)
	return Digest{SHA256: hex.EncodeToString(sum[:])}
}

// dirDigest hashes the files of a CSV directory as they are read: trusts.csv,
// funding.csv, scenario.csv and observed.csv, those present, in that order,
// each preceded by its name (as the schema spells it, whatever case the
// file has) and a newline.
type dirDigest struct {
	h     hash.Hash
	names []string
}

func newDirDigest() *dirDigest { return &dirDigest{h: sha256.New()} }

// add hashes the bytes read of the file that is the given schema's.
func (d *dirDigest) add(s sheetSchema, b []byte) {
	fmt.Fprintf(d.h, "%s\n", s.csv)
	d.h.Write(b)
	d.names = append(d.names, s.csv)
}

func (d *dirDigest) digest() Digest {
	return Digest{SHA256: hex.EncodeToString(d.h.Sum(nil)),
		Note: fmt.Sprintf("SHA-256 over %v, each preceded by its name and a newline", d.names)}
}
