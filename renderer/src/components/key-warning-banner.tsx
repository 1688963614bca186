/** Shown when the database key is only obfuscated (Linux without a keyring): the data is not protected at rest. */
export function KeyWarningBanner() {
  return (
    <div className="banner banner-warning" role="alert">
      <strong>Warning: the database key is not protected by a keyring.</strong>{' '}
      This computer has no password manager (such as GNOME Keyring or KWallet) that TrialLedger can use, so the key that encrypts your data is
      stored only obfuscated. Anyone who can read your user folder can read the data. Install and unlock a keyring, then restart TrialLedger.
    </div>
  );
}
