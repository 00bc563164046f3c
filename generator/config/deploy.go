package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Deploy says where lumen deploy publishes the site: a bucket of
// S3-compatible object storage (AWS S3, Cloudflare R2, Backblaze B2,
// DigitalOcean Spaces, Google Cloud Storage, MinIO, SeaweedFS).
// Credentials are never written here, where they would be committed with
// the site: lumen deploy reads them from the environment or from the AWS
// credentials file.
type Deploy struct {
	// Bucket is the bucket's name.
	Bucket string `yaml:"bucket"`
	// Prefix is the folder of the bucket the site goes in, such as
	// "clinic/"; empty for the bucket's root. Nothing outside it is
	// changed or deleted.
	Prefix string `yaml:"prefix"`
	// Endpoint is the storage's https address, such as
	// https://<account>.r2.cloudflarestorage.com; empty for AWS S3.
	Endpoint string `yaml:"endpoint"`
	// Region is the bucket's region, such as us-west-2 ("auto" for R2);
	// empty to ask the storage.
	Region string `yaml:"region"`
}

// A deployProblem is a value of Deploy that cannot be used: its key, what
// is wrong and what to do.
type deployProblem struct{ key, msg, hint string }

var (
	bucketName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$`)
	regionName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,40}$`)
)

// problems lists what is wrong with d, if anything; a Deploy without a
// bucket is not checked, as the site is not deployed with lumen deploy.
func (d Deploy) problems() []deployProblem {
	var out []deployProblem
	if d.Bucket != "" && !bucketName.MatchString(d.Bucket) {
		out = append(out, deployProblem{"deploy.bucket", fmt.Sprintf("bucket %q is not a bucket name", d.Bucket),
			"a bucket name is 3 to 63 lowercase letters, digits, dots and hyphens, such as clearwater-site"})
	}
	if p := d.Prefix; p != "" && (strings.HasPrefix(p, "/") || strings.Contains(p, "//") || strings.ContainsAny(p, "\\?#") ||
		strings.ContainsFunc(p, func(r rune) bool { return r < ' ' || r == 0x7f }) || hasDotSegment(p)) {
		out = append(out, deployProblem{"deploy.prefix", fmt.Sprintf("prefix %q is not a folder of the bucket", p),
			"write a folder such as clinic/ (no leading /, no . or .. parts), or leave it out for the bucket's root"})
	}
	if d.Endpoint != "" {
		if problem := checkEndpoint(d.Endpoint); problem != "" {
			out = append(out, deployProblem{"deploy.endpoint", fmt.Sprintf("endpoint %q %s", d.Endpoint, problem),
				"write the storage's address, such as https://<account>.r2.cloudflarestorage.com, or leave it out for AWS S3"})
		}
	}
	if d.Region != "" && !regionName.MatchString(d.Region) {
		out = append(out, deployProblem{"deploy.region", fmt.Sprintf("region %q is not a region name", d.Region),
			"write a region such as us-west-2 (auto for Cloudflare R2), or leave it out"})
	}
	return out
}

// hasDotSegment reports whether the folder path p has a "." or ".." part.
func hasDotSegment(p string) bool {
	for _, part := range strings.Split(strings.TrimSuffix(p, "/"), "/") {
		if part == "." || part == ".." {
			return true
		}
	}
	return false
}

// checkEndpoint says what is wrong with an endpoint, or "". Plain http is
// refused except on this machine (a local MinIO or SeaweedFS), since the
// credentials' signatures and the site would cross the network in the
// clear.
func checkEndpoint(e string) string {
	u, err := url.Parse(e)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "is not an address such as https://s3.example.com"
	}
	if u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "must be only a scheme and a host, with no path, query or user"
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !loopback(u.Hostname()) {
			return "uses plain http, which only a storage on this machine may"
		}
	default:
		return "must start with https://"
	}
	return ""
}

// loopback reports whether host is this machine.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// secret matches the names people give credentials.
var secret = regexp.MustCompile(`(?i)key|secret|token|password|credential`)

// secretsHint replaces the hint of an unknown key of deploy that looks
// like a credential: it must not be in site.yaml at all.
func secretsHint(errs diag.List) {
	for _, e := range errs {
		if key, ok := strings.CutPrefix(e.Msg, `unknown key "deploy.`); ok && secret.MatchString(key) {
			e.Hint = "credentials are never read from site.yaml, which is committed and shared with the site: remove this line and " +
				"set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY where lumen deploy runs, or write them in ~/.aws/credentials"
		}
	}
}

// Validate reports the first problem of d as an error naming its key, for
// values given on the command line.
func (d Deploy) Validate() error {
	if p := d.problems(); len(p) > 0 {
		return errors.New(p[0].key + ": " + p[0].msg + " (" + p[0].hint + ")")
	}
	return nil
}

// Folder returns Prefix as the keys of the bucket's objects start: "" or
// ending in one slash.
func (d Deploy) Folder() string {
	if d.Prefix == "" {
		return ""
	}
	return strings.TrimSuffix(d.Prefix, "/") + "/"
}
