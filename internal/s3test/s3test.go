// Package s3test gives tests an S3-compatible server on loopback, behind
// a window on the requests it gets (the headers of each upload, the order
// of writes) that can also make uploads fail for a while.
//
// The server is SeaweedFS's S3 gateway when LUMEN_S3_ENDPOINT names one,
// with LUMEN_S3_ACCESS_KEY and LUMEN_S3_SECRET_KEY (CI starts it: see
// .ci/seaweedfs.sh): a real server that checks signatures and keeps
// objects on disk. Otherwise it is gofakes3 in memory, which answers the
// same protocol over HTTP but checks no signature, so that go test ./...
// needs nothing installed. Either way, tests read what was sent with an
// object from the requests (Server.Put), which both keep differently.
package s3test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Server is an S3-compatible server on loopback.
type Server struct {
	URL string
	// Real is true for a real server (SeaweedFS), which checks the
	// signature of every request; false for gofakes3.
	Real bool

	mu       sync.Mutex
	puts     map[string]http.Header // the headers of the last PUT of each key
	requests map[string]int         // method → how many
	refused  map[string]int         // method → how many were answered with a 5xx error
	failures map[string]int         // key → how many 503 answers to give first
	writes   []string               // "PUT key" and "DELETE key", in the order they were answered
}

// Start starts a server with an empty bucket named bucket, gone when the
// test ends, and sets the credentials lumen deploy reads from the
// environment (so the test cannot be parallel).
func Start(t *testing.T, bucket string) *Server {
	t.Helper()
	key, secret := "lumen-test", "lumen-test-secret"
	var server http.Handler
	if endpoint := os.Getenv("LUMEN_S3_ENDPOINT"); endpoint != "" {
		key, secret = os.Getenv("LUMEN_S3_ACCESS_KEY"), os.Getenv("LUMEN_S3_SECRET_KEY")
		u, err := url.Parse(endpoint)
		if err != nil || u.Host == "" {
			t.Fatalf("LUMEN_S3_ENDPOINT %q is not an address", endpoint)
		}
		client, err := minio.New(u.Host, &minio.Options{Creds: credentials.NewStaticV4(key, secret, ""), Secure: u.Scheme == "https", Region: "us-east-1"})
		if err != nil {
			t.Fatal(err)
		}
		fresh(t, client, bucket)
		t.Cleanup(func() { remove(t, client, bucket) })
		// The window passes requests on with their Host header, so that
		// their signatures, made for the window's address, still hold.
		server = httputil.NewSingleHostReverseProxy(u)
	} else {
		backend := s3mem.New()
		if err := backend.CreateBucket(bucket); err != nil {
			t.Fatal(err)
		}
		server = gofakes3.New(backend).Server()
	}
	s := &Server{Real: os.Getenv("LUMEN_S3_ENDPOINT") != "", puts: map[string]http.Header{}, requests: map[string]int{}, refused: map[string]int{}, failures: map[string]int{}}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := strings.TrimPrefix(r.URL.Path, "/"+bucket+"/")
		s.mu.Lock()
		s.requests[r.Method]++
		fail := r.Method == http.MethodPut && s.failures[key] > 0
		if fail {
			s.failures[key]--
		}
		if r.Method == http.MethodPut && !fail {
			s.puts[key] = r.Header.Clone()
		}
		if (r.Method == http.MethodPut || r.Method == http.MethodDelete) && !fail {
			s.writes = append(s.writes, r.Method+" "+key)
		}
		s.mu.Unlock()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		if fail {
			io.Copy(io.Discard, r.Body)
			rec.Header().Set("Content-Type", "application/xml")
			rec.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(rec, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>`)
		} else {
			server.ServeHTTP(rec, r)
		}
		if rec.status >= 500 {
			// FailNext's refusals, and a real server's under load (503
			// Slow Down, 500), which the client sends again.
			s.mu.Lock()
			s.refused[r.Method]++
			s.mu.Unlock()
		}
	}))
	t.Cleanup(ts.Close)
	s.URL = ts.URL
	t.Setenv("AWS_ACCESS_KEY_ID", key)
	t.Setenv("AWS_SECRET_ACCESS_KEY", secret)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/none")
	return s
}

// Count returns how many requests of method the server got, and forgets
// them.
func (s *Server) Count(method string) int { return s.take(s.requests, method) }

// Refused returns how many requests of method were answered with a 5xx
// error (by FailNext, or by a real server under load), which a client
// sends again, and forgets them.
func (s *Server) Refused(method string) int { return s.take(s.refused, method) }

// Forget forgets every request counted so far, refused ones included:
// a test calls it before the requests it means to count, so that writes
// refused earlier (a real server may refuse the first writes to a new
// bucket while it makes room for it) are not counted against them.
func (s *Server) Forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.requests)
	clear(s.refused)
}

// take returns the count of method in counts, one of the Server's maps,
// and sets it to 0.
func (s *Server) take(counts map[string]int, method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := counts[method]
	counts[method] = 0
	return n
}

// Keys returns how many keys were PUT, each counted once, leaving out PUTs
// that FailNext refused.
func (s *Server) Keys() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.puts)
}

// statusRecorder is a ResponseWriter that keeps the status it was given.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

// WriteHeader keeps the status and sends it on.
func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// Unwrap returns the ResponseWriter underneath, for
// http.ResponseController (the reverse proxy flushes through it).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Put returns the headers of the last PUT of key.
func (s *Server) Put(key string) http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.puts[key]
}

// FailNext makes the next n PUTs of key fail with 503 Slow Down.
func (s *Server) FailNext(key string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures[key] = n
}

// Written returns the writes the server answered, "PUT key" or "DELETE
// key" in order, and forgets them.
func (s *Server) Written() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.writes
	s.writes = nil
	return w
}

// fresh makes bucket on a real server, empty.
func fresh(t *testing.T, client *minio.Client, bucket string) {
	t.Helper()
	remove(t, client, bucket)
	if err := client.MakeBucket(context.Background(), bucket, minio.MakeBucketOptions{}); err != nil {
		t.Fatalf("making bucket %s: %v", bucket, err)
	}
}

// remove deletes bucket from a real server, with its objects, if it is
// there.
func remove(t *testing.T, client *minio.Client, bucket string) {
	t.Helper()
	ctx := context.Background()
	if ok, err := client.BucketExists(ctx, bucket); err != nil || !ok {
		return
	}
	for o := range client.ListObjects(ctx, bucket, minio.ListObjectsOptions{Recursive: true}) {
		if o.Err != nil {
			t.Fatalf("listing bucket %s: %v", bucket, o.Err)
		}
		if err := client.RemoveObject(ctx, bucket, o.Key, minio.RemoveObjectOptions{}); err != nil {
			t.Fatalf("emptying bucket %s: %v", bucket, err)
		}
	}
	if err := client.RemoveBucket(ctx, bucket); err != nil {
		t.Fatalf("removing bucket %s: %v", bucket, err)
	}
}
