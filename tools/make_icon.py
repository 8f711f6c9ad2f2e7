"""Draw the calculator's page icon, ``orbitdc/app/icon.png`` (64 x 64 px): a satellite body
with two solar wings.  Run once with the project's venv (``python tools/make_icon.py``); the
PNG is committed so that the page shows its icon without fetching one from a font server.
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "orbitdc" / "app" / "icon.png"


def main() -> None:
    img = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    blue, grey, gold = (30, 90, 180, 255), (80, 80, 90, 255), (230, 170, 40, 255)
    for x0 in (2, 40):  # two solar wings with cell lines
        d.rectangle([x0, 22, x0 + 21, 41], fill=blue, outline=grey, width=2)
        for x in (x0 + 7, x0 + 14):
            d.line([x, 23, x, 40], fill=(200, 215, 240, 255), width=1)
    d.line([23, 32, 40, 32], fill=grey, width=3)  # booms
    d.rectangle([25, 23, 38, 41], fill=gold, outline=grey, width=2)  # body
    d.line([31, 23, 31, 12], fill=grey, width=2)  # antenna mast and dish
    d.ellipse([26, 6, 36, 14], outline=grey, width=2)
    img.save(OUT, optimize=True)


if __name__ == "__main__":
    main()
