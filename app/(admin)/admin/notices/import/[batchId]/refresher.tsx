'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Re-renders the server page every second while the import runs (the page stops rendering this when done). */
export function Refresher() {
  const router = useRouter();
  useEffect(() => {
    const id = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(id);
  }, [router]);
  return null;
}
