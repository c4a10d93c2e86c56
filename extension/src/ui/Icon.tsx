/**
 * Small drawn icons for the narrow toolbar: the symbols ⏸ and ⏹ are missing from common fonts
 * (Debian's Chromium draws empty boxes). Decorative: the button carries the name.
 */
export function Icon({ name }: { name: 'pause' | 'play' | 'stop' }) {
  return (
    <svg className="icon" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      {name === 'pause' && (
        <>
          <rect x="1.5" y="1" width="2.5" height="8" fill="currentColor" />
          <rect x="6" y="1" width="2.5" height="8" fill="currentColor" />
        </>
      )}
      {name === 'play' && <path d="M2 1 L9 5 L2 9 Z" fill="currentColor" />}
      {name === 'stop' && <rect x="1.5" y="1.5" width="7" height="7" fill="currentColor" />}
    </svg>
  );
}
