package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Target is a bucket of S3-compatible storage.
type Target struct {
	// Bucket is the bucket's name.
	Bucket string
	// Endpoint is the storage's address, such as
	// https://<account>.r2.cloudflarestorage.com; empty for AWS S3.
	Endpoint string
	// Region is the bucket's region; empty to ask the storage.
	Region string
}

// S3 is a Store in a bucket of S3-compatible storage, through minio-go.
// Requests that fail for a passing reason (a dropped connection, a 500,
// 503 or throttling answer) are tried again up to 10 times with growing
// waits, as minio-go does.
type S3 struct {
	client *minio.Client
	bucket string
}

// NewS3 connects to the target with the credentials of the environment
// (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) or, when it
// has none, of the AWS shared files (~/.aws/credentials and ~/.aws/config,
// the profile AWS_PROFILE or default).
func NewS3(t Target) (*S3, error) {
	creds := credentials.NewChainCredentials([]credentials.Provider{
		&credentials.EnvAWS{},
		&credentials.FileAWSCredentials{},
	})
	v, err := creds.Get()
	if err != nil || v.SignerType.IsAnonymous() {
		return nil, errNoCredentials
	}
	endpoint := t.Endpoint
	if endpoint == "" {
		endpoint = "https://s3.amazonaws.com"
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("endpoint %q is not an address such as https://s3.example.com", t.Endpoint)
	}
	client, err := minio.New(u.Host, &minio.Options{
		Creds:  creds,
		Secure: u.Scheme != "http",
		Region: t.Region,
	})
	if err != nil {
		return nil, err
	}
	return &S3{client: client, bucket: t.Bucket}, nil
}

// errNoCredentials says where credentials are looked for.
var errNoCredentials = errors.New("no credentials for the storage: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY " +
	"(your storage's access key, also for R2, B2, Spaces and MinIO), or write them in ~/.aws/credentials " +
	"(aws configure does); they are never read from site.yaml")

// List returns the objects whose key starts with prefix.
func (s *S3) List(ctx context.Context, prefix string) ([]Object, error) {
	var out []Object
	for o := range s.client.ListObjects(ctx, s.bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
		if o.Err != nil {
			return nil, s.explain(o.Err)
		}
		out = append(out, Object{Key: o.Key, Size: o.Size, ETag: strings.Trim(o.ETag, `"`)})
	}
	return out, nil
}

// Put uploads an object in one request, so that its ETag is the MD5 of
// its content, which the next Prepare compares.
func (s *S3) Put(ctx context.Context, key string, body io.Reader, size int64, meta Meta) error {
	_, err := s.client.PutObject(ctx, s.bucket, key, body, size, minio.PutObjectOptions{
		ContentType:             meta.ContentType,
		CacheControl:            meta.CacheControl,
		ContentLanguage:         meta.ContentLanguage,
		ContentDisposition:      meta.ContentDisposition,
		ContentEncoding:         meta.ContentEncoding,
		WebsiteRedirectLocation: meta.Redirect,
		DisableMultipart:        true,
		SendContentMd5:          true,
	})
	return s.explain(err)
}

// Delete removes an object.
func (s *S3) Delete(ctx context.Context, key string) error {
	return s.explain(s.client.RemoveObject(ctx, s.bucket, key, minio.RemoveObjectOptions{}))
}

// explain words the storage's common refusals as what to do.
func (s *S3) explain(err error) error {
	if err == nil {
		return nil
	}
	resp := minio.ToErrorResponse(err)
	switch resp.Code {
	case "NoSuchBucket":
		return fmt.Errorf("the storage has no bucket %q: create it, or correct deploy.bucket in site.yaml", s.bucket)
	case "AccessDenied":
		return fmt.Errorf("the storage refused access to bucket %q: the access key needs permission to list, put and delete objects in it (%s)", s.bucket, resp.Message)
	case "InvalidAccessKeyId", "SignatureDoesNotMatch":
		return fmt.Errorf("the storage refused the credentials (%s): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or ~/.aws/credentials", resp.Code)
	case "PermanentRedirect", "AuthorizationHeaderMalformed":
		return fmt.Errorf("bucket %q is in another region (%s): set deploy.region in site.yaml", s.bucket, resp.Message)
	}
	return err
}
