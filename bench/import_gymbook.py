"""Benchmark: import a generated 100,000-row GymBook export (Italian) into fresh SQLite.

Budget: <= 10 s and peak memory (max RSS) <= 400 MB. Run:
    .venv/bin/python bench/import_gymbook.py [--rows 100000] [--runs 3] [--tracemalloc]
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from import_budget import run

HEADER = (
    "Data,Programma,Orario,Esercizio,Zona,Gruppi muscolari (Primari),"
    "Gruppi muscolari (Secondari),Set / Set di riscaldamento / Set di defaticamento,"
    "Ripetizioni / Tempo,Peso / Distanza,Appunti,Saltato\n"
)
EXERCISES = (
    ("Panca piana con bilanciere", "Petto", "Pettorali", "Tricipiti, Spalle"),
    ("Croci ai cavi", "Petto", "Pettorali", "Spalle"),
    ("Squat con bilanciere", "Gambe", "Quadricipiti", "Glutei"),
    ("Leg extension", "Gambe", "Quadricipiti", ""),
    ("Stacco da terra", "Schiena", "Lombari", "Glutei, Femorali"),
    ("Alzate laterali", "Spalle", "Spalle", ""),
    ("Lat machine", "Schiena", "Dorsali", "Bicipiti"),
    ("Barbell Bench Press", "Chest", "Chest", "Triceps"),
)


def gymbook_file(rows: int, seed: int = 7) -> bytes:
    """A GymBook export of `rows` rows: warm-ups, skipped sets, timed and cardio sets, notes."""
    rng = random.Random(seed)
    lines = [HEADER]
    day = date(2001, 1, 1)
    written = 0
    while written < rows:
        when = day.strftime("%d/%m/%y")
        day += timedelta(days=1)
        head = f'{when},"Scheda {day.toordinal() % 3}",19:30'
        for name, zone, primary, secondary in rng.sample(EXERCISES, 4):
            muscles = f'"{name}",{zone},"{primary}","{secondary}"'
            lines.append(f'{head},{muscles},Set di riscaldamento,"12 ripetizioni","40,00 kg",,No\n')
            for _ in range(4):
                weight = f"{rng.choice((60, 80, 100, 102))},{rng.choice(('00', '50'))} kg"
                note = '"stretto, ""bene""\nforma"' if rng.random() < 0.05 else ""
                skipped = "Si" if rng.random() < 0.03 else "No"
                reps = f"{rng.randint(5, 12)} ripetizioni"
                lines.append(f'{head},{muscles},Set,"{reps}","{weight}",{note},{skipped}\n')
            written += 5
        lines.append(f'{head},"Plank",Addome,"Addominali","",Set,"45 secondi","0,00 kg",,No\n')
        lines.append(
            f'{head},"Tapis roulant",Cardio,"","",Set di defaticamento,"5 minuti","1,20 km",,No\n'
        )
        written += 2
    return "".join(lines[: rows + 1]).encode()


if __name__ == "__main__":
    run(gymbook_file, "gymbook")
