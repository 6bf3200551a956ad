// A small drawing of a certificate's cover, so people can match the option to the booklet in their drawer.
export function CardPicture({ text }: { text: string }) {
  return (
    <span
      aria-hidden="true"
      className="flex-none inline-flex h-10 w-14 items-center justify-center rounded-[3px] bg-[#a11d1d] text-[#ffe08a] text-xs font-bold leading-none shadow-sm ring-1 ring-[#7a1414] ring-inset"
    >
      {text}
    </span>
  );
}
