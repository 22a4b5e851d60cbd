/**
 * A throw-away certificate authority for TLS tests, made with the system's `openssl` (node:crypto
 * makes keys but cannot issue X.509 certificates): a CA, and leaf certificates it signs for a host
 * name with chosen validity dates (an expired one included), through `openssl ca`, which is the
 * openssl 3.0 command that takes explicit start and end dates. Nothing is installed anywhere: the
 * CA's PEM is handed to the fetcher under test (`FetcherOptions.ca`) and nothing else trusts it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface IssuedCert {
  /** PEM of the leaf certificate. */
  cert: string;
  /** PEM of its private key. */
  key: string;
}

export interface TestCa {
  /** PEM of the CA certificate: what the test trusts. */
  caCert: string;
  /** Issues a certificate for `host` (its only subject alternative name), valid over [notBefore, notAfter]. */
  issue(host: string, validity?: { notBefore: Date; notAfter: Date }): Promise<IssuedCert>;
  /** Deletes the working directory. */
  dispose(): Promise<void>;
}

/** `YYYYMMDDHHMMSSZ`, the GeneralizedTime form `openssl ca -startdate/-enddate` reads. */
function asn1Time(at: Date): string {
  return `${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

const CA_CONFIG = `[ ca ]
default_ca = test
[ test ]
dir = .
database = $dir/index.txt
new_certs_dir = $dir
serial = $dir/serial
default_md = sha256
policy = anything
copy_extensions = none
unique_subject = no
[ anything ]
commonName = supplied
`;

async function openssl(cwd: string, args: string[]): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (error) {
    throw new Error(`openssl ${args[0] ?? ''} failed (is openssl installed?)`, { cause: error });
  }
}

/** Makes a CA (EC P-256, valid from yesterday for ten years) in a temporary directory. */
export async function createTestCa(): Promise<TestCa> {
  const dir = await mkdtemp(join(tmpdir(), 'netmix-test-ca-'));
  await writeFile(join(dir, 'ca.cnf'), CA_CONFIG);
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  await openssl(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key']);
  await openssl(dir, ['req', '-x509', '-new', '-key', 'ca.key', '-sha256', '-days', '3650', '-subj', '/CN=Netmix test CA', '-out', 'ca.pem',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  const caCert = await readFile(join(dir, 'ca.pem'), 'utf8');
  let count = 0;
  return {
    caCert,
    async issue(host, validity) {
      const day = 86_400_000;
      const notBefore = validity?.notBefore ?? new Date(Date.now() - day);
      const notAfter = validity?.notAfter ?? new Date(Date.now() + 30 * day);
      count += 1;
      const name = `leaf${count}`;
      await writeFile(join(dir, `${name}.ext`), `subjectAltName=DNS:${host}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`);
      await openssl(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`]);
      await openssl(dir, ['req', '-new', '-key', `${name}.key`, '-subj', `/CN=${host}`, '-out', `${name}.csr`]);
      await openssl(dir, ['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.pem`,
        '-notext', '-startdate', asn1Time(notBefore), '-enddate', asn1Time(notAfter), '-extfile', `${name}.ext`]);
      return { cert: await readFile(join(dir, `${name}.pem`), 'utf8'), key: await readFile(join(dir, `${name}.key`), 'utf8') };
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
