import { FileLinkSigner, type FileLinkClaims } from '../../../src/server';

const claims: FileLinkClaims = {
  fileId: `1778560000000-${'0123456789abcdef'.repeat(2)}.xlsx`,
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  downloadName: 'Báo cáo.xlsx',
  expiresAt: 1_778_560_000_000,
  userId: 'mgr-1',
  unitCode: 'CT-SNV',
  contestId: 'thi-2026',
};

describe('FileLinkSigner', () => {
  const signer = new FileLinkSigner('k'.repeat(32));

  it('round-trips the claims until expiry, then refuses with them', () => {
    const token = signer.sign(claims);
    expect(signer.verify(token, claims.expiresAt - 1)).toEqual({ ok: true, claims });
    expect(signer.verify(token, claims.expiresAt)).toEqual({
      ok: false,
      reason: 'expired',
      claims,
    });
  });

  it('refuses a token signed with another secret, without its claims', () => {
    const token = new FileLinkSigner('x'.repeat(32)).sign(claims);
    expect(signer.verify(token, 0)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a well-signed token whose claims are not ours', () => {
    const body = Buffer.from(JSON.stringify({ f: '../../etc/passwd', t: 'text/html' })).toString(
      'base64url',
    );
    const mac = (signer as unknown as { mac(d: string): Buffer }).mac(`v1.${body}`);
    expect(signer.verify(`v1.${body}.${mac.toString('base64url')}`, 0)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('will not sign a file id that is not one of ours, nor use a short secret', () => {
    expect(() => signer.sign({ ...claims, fileId: '../x.xlsx' })).toThrow(RangeError);
    expect(() => new FileLinkSigner('short')).toThrow(RangeError);
  });
});
