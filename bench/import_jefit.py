"""Benchmark: import a generated 100,000-row JEFIT full export into a fresh SQLite file.

Budget: <= 10 s and peak memory (max RSS) <= 400 MB. Rows are the data rows of every
section (sessions, exercise logs, set logs, cardio logs, profile). Run:
    .venv/bin/python bench/import_jefit.py [--rows 100000] [--runs 3] [--tracemalloc]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from import_budget import run

EXERCISES = (
    "Barbell Bench Press",
    "Cable Crossover",
    "Barbell Squat",
    "Leg Extension",
    "Deadlift",
    "Dumbbell Lateral Raise",
    "Military Press",
    "Lat Pulldown",
    "My Odd Machine",
)
SETTING = (
    "### SETTING ####\n\nrow_id,USERID,TIMESTAMP,gender,currentRoutine,DOB,name,length,mass\n"
    '1,1,"2015-01-01 00:00:00","F",0,"1990-01-01","Bench"," in"," lbs"\n################\n\n'
)
SESSIONS = (
    "rowid,_id,USERID,edit_time,day_id,total_time,workout_time,rest_time,wasted_time,"
    "total_exercise,total_weight,recordbreak,starttime,endtime,workout_mode,TIMESTAMP,"
    "calories,avg_heart_rate\n"
)
LOGS = (
    "USERID,TIMESTAMP,belongSys,logs,_id,record,mydate,eid,ename,day_item_id,belongsession,"
    "logTime,interval_logs,auto_generated\n"
)
SETS = (
    "_id,userid,exercise_log_id,set_index,weight_lbs,reps,calories,distance_mi,speed_mph,laps,"
    "duration,set_type,log_time,TIMESTAMP\n"
)


def jefit_file(rows: int, seed: int = 7) -> bytes:
    """A JEFIT export with about `rows` data rows: half the logs also have per-set rows."""
    rng = random.Random(seed)
    sessions, logs, sets, cardio = [], [], [], []
    start = 1_420_106_400  # 2015-01-01 10:00 UTC
    written = log_id = set_id = 0
    day = 0
    while written < rows:
        began = start + day * 86_400
        day += 1
        sessions.append(
            f"{day},{day},1,{began + 3600},1,3600,2400,900,300,4,9000,0,{began},{began + 3600},0,"
            f'"2015-01-01 00:00:00",300,0\n'
        )
        written += 1
        for name in rng.sample(EXERCISES, 4):
            log_id += 1
            packed = [
                (rng.choice((95.0, 135.0, 185.0, 225.0)), rng.randint(5, 12)) for _ in range(4)
            ]
            text = ",".join(f"{w}x{r}" for w, r in packed)
            system = 0 if name == "My Odd Machine" else 1
            logs.append(
                f'1,"2015-01-01 00:00:00",{system},"{text}",{log_id},0,2015-01-01,{log_id % 90},'
                f'"{name}",0,{day},{began},,\n'
            )
            written += 1
            if log_id % 2:
                for index, (w, r) in enumerate(packed, start=1):
                    set_id += 1
                    kind = "warm-up" if index == 1 else "default"
                    sets.append(f'{set_id},1,{log_id},{index},{w},{r},0,0,0,0,0,"{kind}",0,""\n')
                    written += 1
        if day % 10 == 0:
            cardio.append(
                f'{day},"2015-01-01 00:00:00",1,{day},0,300,1,1,1800,6.0,3.0,320,2015-01-01\n'
            )
            written += 1
    parts = [
        SETTING,
        "### WORKOUT SESSIONS ####\n\n", SESSIONS, *sessions, "################\n\n",
        "### EXERCISE LOGS ####\n\n", LOGS, *logs, "################\n\n",
        "### EXERCISE SET LOGS ####\n\n", SETS, *sets, "################\n\n",
        "### CARDIO LOGS ####\n\n",
        "row_id,TIMESTAMP,USERID,_id,weeklyLogId,eid,belongSys,lap,duration,speed,distance,"
        "calorie,mydate\n",
        *cardio, "################\n",
    ]  # fmt: skip
    return "".join(parts).encode()


if __name__ == "__main__":
    run(jefit_file, "jefit")
