package archive

import (
	"compress/gzip"
	"io"
	"os"
)

func extract(out io.Writer, in io.Reader, maxSize int64) error {
	gzr, err := gzip.NewReader(in)
	if err != nil {
		return err
	}
	// ruleid: GO-DECOMPRESSION-BOMB
	io.Copy(out, gzr)
	// ok: GO-DECOMPRESSION-BOMB
	io.Copy(out, io.LimitReader(gzr, maxSize))
	// ruleid: GO-DECOMPRESSION-BOMB
	if _, err := io.Copy(out, gzr); err != nil {
		return err
	}
	// ruleid: GO-DECOMPRESSION-BOMB
	n, err := io.Copy(out, reader)
	// ok: GO-DECOMPRESSION-BOMB
	n, err = io.CopyN(out, gzr, maxSize)
	// ok: GO-DECOMPRESSION-BOMB
	n, err = io.Copy(out, f)
	// ok: GO-DECOMPRESSION-BOMB
	msg := "io.Copy(out, gzr) is unbounded"
	// ok: GO-DECOMPRESSION-BOMB
	// io.Copy(out, gzr)
	_, _ = n, msg
	return err
}

// ok: GO-DECOMPRESSION-BOMB
func Copy(dst io.Writer, src io.Reader) (int64, error) { return io.CopyN(dst, src, 1<<20) }

var _ = os.Stdout
