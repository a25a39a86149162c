/** One label/value pair of a definition list (`<dl>`), the portal's way of showing filed data. */
export function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
