//go:build !unix

package data

// openNoWait is 0 where opening a file never waits for another process.
const openNoWait = 0
